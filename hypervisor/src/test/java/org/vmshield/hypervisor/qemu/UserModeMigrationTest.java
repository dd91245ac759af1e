package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.CapacityException;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.HostInfo;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.InvalidRequestException;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationResult;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.VmState;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.NetworkMode;

/** User networking: boot, serve, bad input changes nothing, migrate to a new endpoint, stop. */
class UserModeMigrationTest {
    static final List<String> HOSTS = List.of("ut-a", "ut-b", "ut-tiny");
    static Path home;
    static QemuHypervisor hv;

    @BeforeAll
    static void startHypervisor() throws IOException {
        QemuTestSupport.requireQemu();
        home = QemuTestSupport.newHome();
        hv = QemuHypervisor.create(new ClusterConfig(java.util.Optional.of(NetworkMode.USER),
                List.of(new HostSpec("ut-a", 1.0, 512), new HostSpec("ut-b", 1.0, 512), new HostSpec("ut-tiny", 0.5, 128))), QemuTestSupport.images(), home);
    }

    @AfterAll
    static void closeHypervisor() throws IOException {
        if (hv != null) {
            hv.close();
            QemuTestSupport.assertNothingLeft(home, HOSTS);
        }
    }

    @Test
    void bootsServesRejectsBadInputMigratesToANewEndpointAndStops() throws IOException {
        VmInfo vm = hv.start(new VmSpec("web1", "web", "v1", 1, 128, "ut-a"));
        assertThat(vm.state()).isEqualTo(VmState.RUNNING);
        assertThat(vm.endpoint().host()).isEqualTo("127.0.0.1");
        assertThat(GuestHttp.get(vm.endpoint(), "/version", Duration.ofSeconds(5)).body()).contains("v1");

        List<HostInfo> hostsBefore = hv.hosts();
        List<VmInfo> vmsBefore = hv.vms();
        assertThatThrownBy(() -> hv.start(new VmSpec("web2", "web", "v9", 1, 128, "ut-a")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("v9");
        assertThatThrownBy(() -> hv.start(new VmSpec("web2", "web", "v1", 1, 128, "nowhere")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> hv.start(new VmSpec("web2", "web", "v1", 1, 400, "ut-a")))
                .isInstanceOf(CapacityException.class).hasMessageContaining("ut-a");
        assertThatThrownBy(() -> hv.start(new VmSpec("web1", "web", "v1", 1, 128, "ut-b")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> hv.migrate("web1", "ut-a", MigrationOptions.defaults(), null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("another host");
        assertThatThrownBy(() -> hv.migrate("web1", "nowhere", MigrationOptions.defaults(), null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> hv.migrate("nobody", "ut-b", MigrationOptions.defaults(), null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> hv.migrate("web1", "ut-tiny", MigrationOptions.defaults(), null))
                .isInstanceOf(CapacityException.class).hasMessageContaining("ut-tiny");
        assertThatThrownBy(() -> hv.measureDirtyRate("web1", Duration.ofMillis(1500)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("whole seconds");
        assertThat(hv.hosts()).isEqualTo(hostsBefore);
        assertThat(hv.vms()).isEqualTo(vmsBefore);
        assertThat(QemuCleanup.findQemuProcesses(java.util.Optional.of(VmshieldHome.runDir(home)))).hasSize(1);

        // the progress guard rail: a target that stops taking bytes (SIGSTOP) makes the migration cancel
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        org.vmshield.hypervisor.MigrationHandle stuck = hv.migrate("web1", "ut-b", MigrationOptions.defaults()
                .withMaxBandwidthBytesPerSec(2L << 20).withGuardRails(Duration.ofSeconds(600), Duration.ofSeconds(2),
                        MigrationOptions.TimeoutAction.CANCEL), p -> sent.set(p.transferredBytes()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() > (1 << 20));
        long target = QemuCleanup.findQemuProcesses(java.util.Optional.of(VmshieldHome.runDir(home))).stream()
                .max(java.util.Comparator.comparing((Long pid) -> ProcessHandle.of(pid).orElseThrow().info()
                        .startInstant().orElseThrow())).orElseThrow();
        CommandOutput.of("kill", "-STOP", Long.toString(target));
        assertThatThrownBy(() -> stuck.await(Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(org.vmshield.hypervisor.MigrationFailedException.class,
                        e -> assertThat(e.cancelled()).as(e.getMessage()).isTrue())
                .hasMessageContaining("no progress");
        assertThat(ProcessHandle.of(target)).isEmpty();
        assertThat(hv.inspect("web1").orElseThrow().host()).isEqualTo("ut-a");
        assertThat(GuestHttp.get(vm.endpoint(), "/health", Duration.ofSeconds(5)).status()).isEqualTo(200);

        Endpoint before = vm.endpoint();
        MigrationResult r = hv.migrate("web1", "ut-b", MigrationOptions.defaults(), null).await(Duration.ofSeconds(120));
        assertThat(r.targetHost()).isEqualTo("ut-b");
        assertThat(r.endpoint()).isNotEqualTo(before);
        assertThat(r.transferredBytes()).isPositive();
        VmInfo moved = hv.inspect("web1").orElseThrow();
        assertThat(moved.host()).isEqualTo("ut-b");
        assertThat(moved.endpoint()).isEqualTo(r.endpoint());
        assertThat(moved.migrations()).isEqualTo(1);
        assertThat(GuestHttp.get(moved.endpoint(), "/health", Duration.ofSeconds(5)).status()).isEqualTo(200);
        assertThatThrownBy(() -> GuestHttp.get(before, "/health", Duration.ofSeconds(2))).isInstanceOf(IOException.class);
        assertThat(hv.hosts().get(0).vms()).isEmpty();
        assertThat(hv.hosts().get(1).vms()).containsExactly("web1");

        hv.stop("web1");
        assertThat(hv.vms()).isEmpty();
        assertThat(QemuCleanup.findQemuProcesses(java.util.Optional.of(VmshieldHome.runDir(home)))).isEmpty();
    }
}
