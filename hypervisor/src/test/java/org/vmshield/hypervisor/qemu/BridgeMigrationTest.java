package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vmshield.hypervisor.DirtyRate;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.MigrationFailedException;
import org.vmshield.hypervisor.MigrationHandle;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationPhase;
import org.vmshield.hypervisor.MigrationProgress;
import org.vmshield.hypervisor.MigrationResult;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.VmState;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.hypervisor.testing.QemuTests;

/**
 * Bridge networking: one VM migrated back and forth while it serves; a dirtying VM converges;
 * a cancelled migration and one whose target QEMU dies leave the VM serving on its source.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeMigrationTest {
    static final List<String> HOSTS = List.of("bt-a", "bt-b");
    static final String VM = "mig1";
    static Path home;
    static QemuHypervisor hv;

    @BeforeAll
    static void startVm() throws IOException {
        QemuTestSupport.requireQemu();
        QemuTests.requireRoot();
        home = QemuTestSupport.newHome();
        hv = QemuHypervisor.create(new ClusterConfig(Optional.of(NetworkMode.BRIDGE),
                List.of(new HostSpec("bt-a", 1.0, 640), new HostSpec("bt-b", 1.0, 640))), QemuTestSupport.images(), home);
        hv.start(new VmSpec(VM, "web", "v1", 1, 128, "bt-a"));
    }

    @AfterAll
    static void stopVm() throws IOException {
        if (hv != null) {
            hv.close();
            QemuTestSupport.assertNothingLeft(home, HOSTS);
            if (QemuCleanup.findQemuProcesses(Optional.empty()).isEmpty()) {
                // no other controller's VM needs the network: it must be gone
                assertThat(CommandOutput.of("ip", "netns", "list")).doesNotContain("vmshield");
                assertThat(CommandOutput.of("ip", "-o", "link")).doesNotContain("vms0");
            }
        }
    }

    @Test
    @Order(1)
    void migratesWhileServingWithoutAFailedRequestAndKeepsAStreamOpen() throws Exception {
        VmInfo before = hv.inspect(VM).orElseThrow();
        Endpoint endpoint = before.endpoint();
        assertThat(endpoint.host()).startsWith("10.213.0.");
        CompletableFuture<GuestHttp.Response> stream = CompletableFuture.supplyAsync(() -> {
            try {
                return GuestHttp.get(endpoint, "/stream?secs=8", Duration.ofSeconds(30));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        // 15 s per request: a request that waits out TCP's retransmission back-off, or a TCG guest
        // slowed by a busy machine, is slow, not failed; a connection the switchover broke fails
        Thread client = new Thread(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos(); // bounded even if the test fails
            while (!stop.get() && System.nanoTime() < end) {
                try {
                    int status = GuestHttp.get(endpoint, "/health", Duration.ofSeconds(15)).status();
                    if (status == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.add("status " + status);
                    }
                } catch (IOException e) {
                    failures.add(e.toString());
                }
            }
        });
        client.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> ok.get() >= 3);
            List<MigrationProgress> progress = new CopyOnWriteArrayList<>();
            MigrationResult r = hv.migrate(VM, "bt-b", MigrationOptions.defaults(), progress::add)
                    .await(Duration.ofSeconds(120));
            int okAtSwitch = ok.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> ok.get() >= okAtSwitch + 3);
            assertThat(r.sourceHost()).isEqualTo("bt-a");
            assertThat(r.targetHost()).isEqualTo("bt-b");
            assertThat(r.endpoint()).isEqualTo(endpoint);
            assertThat(r.transferredBytes()).isPositive();
            assertThat(r.downtimeMillis()).isLessThan(1000);
            assertThat(progress).extracting(MigrationProgress::phase).contains(MigrationPhase.SETUP, MigrationPhase.COMPLETED);
            assertThat(hv.inspect(VM).orElseThrow().host()).isEqualTo("bt-b");
        } finally {
            stop.set(true);
            client.join();
        }
        assertThat(failures).as("failed requests during the migration").isEmpty();
        GuestHttp.Response streamed = stream.get();
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.body().lines().toList()).hasSize(8).last().asString().startsWith("line 8 of 8");
    }

    @Test
    @Order(2)
    void migratesAVmThatDirtiesMemory() throws Exception {
        Endpoint endpoint = hv.inspect(VM).orElseThrow().endpoint();
        assertThat(GuestHttp.get(endpoint, "/dirty?mb=32&secs=60", Duration.ofSeconds(10)).status()).isEqualTo(200);
        DirtyRate rate = hv.measureDirtyRate(VM, Duration.ofSeconds(1));
        assertThat(rate.bytesPerSec()).as("dirty rate while /dirty runs").isGreaterThan(1L << 20);

        AtomicLong maxDirtyRate = new AtomicLong();
        MigrationResult r = hv.migrate(VM, "bt-a", MigrationOptions.defaults(),
                p -> maxDirtyRate.accumulateAndGet(p.dirtyRateBytesPerSec(), Math::max)).await(Duration.ofSeconds(180));
        assertThat(r.targetHost()).isEqualTo("bt-a");
        assertThat(r.transferredBytes()).isPositive();
        assertThat(r.passes()).isGreaterThanOrEqualTo(2);
        assertThat(r.downtimeMillis()).isBetween(0L, 2000L);
        assertThat(GuestHttp.get(endpoint, "/health", Duration.ofSeconds(5)).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void cancelledMigrationLeavesTheVmServingOnItsSource() throws Exception {
        AtomicLong transferred = new AtomicLong();
        MigrationHandle h = hv.migrate(VM, "bt-b", slowOptions(), p -> transferred.set(p.transferredBytes()));
        assertThat(hv.inspect(VM).orElseThrow().state()).isEqualTo(VmState.MIGRATING);
        await().atMost(Duration.ofSeconds(60)).until(() -> transferred.get() > (1 << 20));
        assertThat(hv.cancelMigration(VM)).isTrue();
        assertThatThrownBy(() -> h.await(Duration.ofSeconds(60))).isInstanceOfSatisfying(MigrationFailedException.class,
                e -> assertThat(e.cancelled()).as(e.getMessage()).isTrue());
        assertSourceServesAlone();
    }

    @Test
    @Order(4)
    void migrationWhoseTargetDiesLeavesTheVmServingOnItsSource() throws Exception {
        AtomicLong transferred = new AtomicLong();
        MigrationHandle h = hv.migrate(VM, "bt-b", slowOptions(), p -> transferred.set(p.transferredBytes()));
        await().atMost(Duration.ofSeconds(60)).until(() -> transferred.get() > (1 << 20));
        List<ProcessHandle> qemus = QemuCleanup.findQemuProcesses(Optional.of(VmshieldHome.runDir(home))).stream()
                .map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
        assertThat(qemus).hasSize(2);
        // the target is the younger of the two
        ProcessHandle target = qemus.stream().max(java.util.Comparator.comparing(
                (ProcessHandle ph) -> ph.info().startInstant().orElseThrow())).orElseThrow();
        assertThat(ProcStat.cmdline(target.pid())).contains("-incoming");
        target.destroyForcibly();
        assertThatThrownBy(() -> h.await(Duration.ofSeconds(60))).isInstanceOfSatisfying(MigrationFailedException.class,
                e -> assertThat(e.cancelled()).as(e.getMessage()).isFalse());
        assertSourceServesAlone();
    }

    @Test
    @Order(5)
    void completionTimeoutCancelsAndTheVmStaysOnItsSource() throws Exception {
        MigrationOptions options = slowOptions().withGuardRails(Duration.ofSeconds(4), Duration.ofSeconds(30),
                MigrationOptions.TimeoutAction.CANCEL); // 4 s per GiB: 500 ms for this 128 MiB guest
        MigrationHandle h = hv.migrate(VM, "bt-b", options, null);
        assertThatThrownBy(() -> h.await(Duration.ofSeconds(60))).isInstanceOfSatisfying(MigrationFailedException.class,
                e -> assertThat(e.cancelled()).as(e.getMessage()).isTrue()).hasMessageContaining("guard rail");
        assertSourceServesAlone();
    }

    @Test
    @Order(6)
    void completionTimeoutCanSwitchToPostCopyAndTheMigrationCompletes() throws Exception {
        MigrationOptions options = slowOptions().withPostCopy(true).withGuardRails(Duration.ofSeconds(4),
                Duration.ofSeconds(30), MigrationOptions.TimeoutAction.POSTCOPY);
        List<MigrationPhase> phases = new CopyOnWriteArrayList<>();
        MigrationResult r = hv.migrate(VM, "bt-b", options, p -> phases.add(p.phase())).await(Duration.ofSeconds(120));
        assertThat(r.switchedToPostCopy()).isTrue();
        assertThat(r.targetHost()).isEqualTo("bt-b");
        assertThat(phases).contains(MigrationPhase.PRECOPY, MigrationPhase.COMPLETED);
        VmInfo vm = hv.inspect(VM).orElseThrow();
        assertThat(vm.host()).isEqualTo("bt-b");
        assertThat(GuestHttp.get(vm.endpoint(), "/health", Duration.ofSeconds(5)).status()).isEqualTo(200);
        assertThat(QemuCleanup.findQemuProcesses(Optional.of(VmshieldHome.runDir(home)))).hasSize(1);
    }

    private static MigrationOptions slowOptions() {
        // 2 MiB/s: the copy of a 128 MiB guest's non-zero memory lasts long enough to interrupt it
        return MigrationOptions.defaults().withMaxBandwidthBytesPerSec(2L << 20);
    }

    private static void assertSourceServesAlone() throws IOException {
        VmInfo vm = hv.inspect(VM).orElseThrow();
        assertThat(vm.state()).isEqualTo(VmState.RUNNING);
        assertThat(vm.host()).isEqualTo("bt-a");
        assertThat(GuestHttp.get(vm.endpoint(), "/health", Duration.ofSeconds(5)).status()).isEqualTo(200);
        assertThat(QemuCleanup.findQemuProcesses(Optional.of(VmshieldHome.runDir(home)))).hasSize(1);
        assertThat(hv.hosts()).filteredOn(h -> h.name().equals("bt-b")).singleElement()
                .satisfies(h -> assertThat(h.allocatedMemoryMiB()).isZero());
        assertThat(CommandOutput.of("ip", "-n", "vmshield", "-o", "link").lines().filter(l -> l.contains("vmt")))
                .as("taps").hasSize(1);
    }
}
