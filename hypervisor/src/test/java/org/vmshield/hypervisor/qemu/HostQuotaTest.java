package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.HostUsage;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.UsageSample;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.VmUsage;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.hypervisor.testing.QemuTests;

/** Two VMs on hosts with different CPU quotas serve requests at different rates, and usage shows why. */
class HostQuotaTest {
    static final List<String> HOSTS = List.of("qt-slow", "qt-fast");
    static final Duration LOAD = Duration.ofSeconds(6);
    static final java.util.concurrent.ExecutorService CLIENTS = java.util.concurrent.Executors.newFixedThreadPool(4);
    static Path home;
    static QemuHypervisor hv;

    @BeforeAll
    static void startHypervisor() throws IOException {
        QemuTestSupport.requireQemu();
        QemuTests.requireRoot();
        home = QemuTestSupport.newHome();
        hv = QemuHypervisor.create(new ClusterConfig(Optional.of(NetworkMode.USER),
                List.of(new HostSpec("qt-slow", 0.05, 512), new HostSpec("qt-fast", 1.0, 640))), QemuTestSupport.images(), home);
    }

    @AfterAll
    static void closeHypervisor() throws IOException {
        CLIENTS.shutdownNow();
        if (hv != null) {
            hv.close();
            QemuTestSupport.assertNothingLeft(home, HOSTS);
        }
    }

    @Test
    void theVmOnTheSmallerHostServesLessWorkAndItsHostIsThrottled() throws Exception {
        // booting under TCG is CPU-heavy: boot on the big host, then move the VM to the small one
        hv.start(new VmSpec("slow1", "work", "v1", 1, 128, "qt-fast"));
        Endpoint slow = hv.migrate("slow1", "qt-slow", MigrationOptions.defaults(), null).await(Duration.ofSeconds(120)).endpoint();
        Endpoint fast = hv.start(new VmSpec("fast1", "work", "v1", 1, 128, "qt-fast")).endpoint();
        hv.usage();
        List<CompletableFuture<Integer>> slowDone = List.of(hammerAsync(slow), hammerAsync(slow));
        List<CompletableFuture<Integer>> fastDone = List.of(hammerAsync(fast), hammerAsync(fast));
        int slowCount = slowDone.get(0).get() + slowDone.get(1).get();
        int fastCount = fastDone.get(0).get() + fastDone.get(1).get();
        UsageSample sample = hv.usage();

        assertThat(fastCount).as("requests served by the 1-core host vs the 0.05-core host (%d)", slowCount)
                .isGreaterThanOrEqualTo((int) Math.ceil(slowCount * 1.5));
        HostUsage slowHost = host(sample, "qt-slow");
        assertThat(slowHost.cpuCapacityCores()).isEqualTo(0.05);
        assertThat(slowHost.coresUsed()).as("cores used by the 0.05-core host").isBetween(0.01, 0.08);
        assertThat(slowHost.throttledFraction()).as("throttled fraction of the 0.05-core host").isGreaterThan(0.3);
        assertThat(slowHost.memoryUsedMiB()).isPositive();
        VmUsage slowVm = sample.vms().stream().filter(v -> v.vm().equals("slow1")).findFirst().orElseThrow();
        assertThat(slowVm.host()).isEqualTo("qt-slow");
        assertThat(slowVm.cpuSeconds()).isPositive();
        assertThat(slowVm.coresUsed()).isBetween(0.01, 0.08);
        assertThat(slowVm.memoryRssMiB()).isPositive();
        VmUsage fastVm = sample.vms().stream().filter(v -> v.vm().equals("fast1")).findFirst().orElseThrow();
        assertThat(fastVm.coresUsed()).isGreaterThan(slowVm.coresUsed());
    }

    @Test
    void aVmCappedBelowItsHostIsHeldAtItsCapAndItsHostReportsTheShortage() throws Exception {
        Endpoint endpoint = hv.start(new VmSpec("capped1", "work", "v1", 1, 128, "qt-fast")).endpoint();
        assertThatThrownBy(() -> hv.setVmCpuCap("capped1", 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most host qt-fast's 1.0");
        assertThatThrownBy(() -> hv.setVmCpuCap("nobody", 0.5)).isInstanceOf(IllegalArgumentException.class);

        hv.setVmCpuCap("capped1", 0.2);
        hv.usage();
        int served = hammerAsync(endpoint).get() + hammerAsync(endpoint).get();
        UsageSample sample = hv.usage();
        VmUsage vm = sample.vms().stream().filter(v -> v.vm().equals("capped1")).findFirst().orElseThrow();
        HostUsage fastHost = host(sample, "qt-fast");
        System.out.printf("VM capped at 0.2 on a 1-core host served %d requests using %.3f cores;"
                + " host used %.3f, throttled fraction %.2f%n", served, vm.coresUsed(), fastHost.coresUsed(),
                fastHost.throttledFraction());

        assertThat(vm.coresUsed()).as("cores used by the VM capped at 0.2").isBetween(0.01, 0.25);
        assertThat(fastHost.throttledFraction()).as("a VM held at its cap is its host's shortage").isGreaterThan(0.3);
        hv.setVmCpuCap("capped1", Double.POSITIVE_INFINITY);
        hv.stop("capped1");
    }

    private static HostUsage host(UsageSample sample, String name) {
        return sample.hosts().stream().filter(h -> h.host().equals(name)).findFirst().orElseThrow();
    }

    private static CompletableFuture<Integer> hammerAsync(Endpoint endpoint) {
        return CompletableFuture.supplyAsync(() -> hammer(endpoint), CLIENTS);
    }

    /**
     * Sends requests for the static page back to back for LOAD; returns how many succeeded. Each
     * costs the guest a fixed amount of work (a shell per connection); /work?ms=N is no good here:
     * it burns guest-accounted CPU time, which under TCG includes the time a throttled vCPU waited.
     */
    private static int hammer(Endpoint endpoint) {
        int served = 0;
        long end = System.nanoTime() + LOAD.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (GuestHttp.get(endpoint, "/", Duration.ofSeconds(10)).status() == 200) {
                    served++;
                }
            } catch (IOException e) {
                // a timeout counts as not served
            }
        }
        return served;
    }
}
