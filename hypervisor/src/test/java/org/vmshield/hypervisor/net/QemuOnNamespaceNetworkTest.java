package org.vmshield.hypervisor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vmshield.hypervisor.host.LocalHostCgroups;
import org.vmshield.hypervisor.host.LocalHostSlice;
import org.vmshield.hypervisor.qmp.QmpClient;
import org.vmshield.hypervisor.testing.QemuTests;

/**
 * The launch recipe the QEMU driver uses, with a real QEMU (no guest): cgroup wrapper, then the
 * namespace prefix, then QEMU opening its tap by name; QMP over a UNIX socket across the namespace.
 */
@Timeout(90)
class QemuOnNamespaceNetworkTest {
    private NamespaceNetwork network;
    private LocalHostCgroups cgroups;
    private Process qemu;
    private QmpClient qmp;
    private Path dir;

    @AfterEach
    void tearDown() throws Exception {
        if (qmp != null) {
            qmp.close();
        }
        if (qemu != null) {
            qemu.destroyForcibly();
            qemu.waitFor(10, TimeUnit.SECONDS);
        }
        if (network != null) {
            network.destroy();
        }
        if (cgroups != null) {
            cgroups.removeAll();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void qemuInsideTheSliceAndTheNamespaceOpensItsTapAndAnswersQmp() throws Exception {
        QemuTests.requireRoot();
        QemuTests.requireQemu();
        long pid = ProcessHandle.current().pid();
        network = new NamespaceNetwork(new NetworkSettings("vmshield-q" + pid, "vmsq" + pid % 100_000,
                "10.213." + (150 + pid % 50)));
        network.ensure();
        cgroups = LocalHostCgroups.detect("vmshield-qtest-" + pid);
        LocalHostSlice slice = cgroups.create("small", 0.5, 256);
        String tap = network.allocateTap("probe@small");
        assertThat(IpCommand.run("-n", network.settings().namespace(), "link", "show", "dev", tap))
                .contains("NO-CARRIER");
        dir = Files.createTempDirectory("vmshield-qemu-net");
        Path socket = dir.resolve("qmp.sock");

        List<String> command = new ArrayList<>(network.commandPrefix());
        command.addAll(List.of("qemu-system-x86_64", "-accel", "tcg", "-machine", "none", "-nodefaults",
                "-display", "none", "-netdev", "tap,id=net0,ifname=" + tap + ",script=no,downscript=no",
                "-qmp", "unix:" + socket + ",server=on,wait=off"));
        qemu = new ProcessBuilder(slice.wrapCommand(command)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile()).start();
        qmp = QmpClient.connect(socket, Duration.ofSeconds(30));

        assertThat(qmp.call("query-status", null).has("running")).isTrue();
        assertThat(slice.pids()).contains(qemu.pid());
        await().atMost(Duration.ofSeconds(10)).until(() -> IpCommand.run("-n", network.settings().namespace(),
                "link", "show", "dev", tap).contains("LOWER_UP"));

        qmp.send("quit", null, Duration.ofSeconds(10));
        assertThat(qemu.waitFor(20, TimeUnit.SECONDS)).isTrue();
        network.releaseTap(tap);
        assertThat(NamespaceNetwork.linkExists(network.settings().namespace(), tap)).isFalse();
    }
}
