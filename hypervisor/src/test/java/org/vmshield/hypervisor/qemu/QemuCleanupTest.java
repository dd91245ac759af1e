package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.testing.QemuTests;

/** After the controller is killed with SIGKILL, cleanup finds and removes its QEMU process, network, cgroups and files. */
class QemuCleanupTest {
    @Test
    void removesEverythingAKilledControllerLeftBehind() throws Exception {
        QemuTestSupport.requireQemu();
        QemuTests.requireRoot();
        Path home = QemuTestSupport.newHome();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process controller = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingController.class.getName(), home.toString(), "BRIDGE")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(controller.getInputStream()))) {
            String line;
            String ready = null;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("READY")) {
                    ready = line;
                    break;
                }
            }
            assertThat(ready).as("controller output:\n" + seen).isNotNull();
        } finally {
            controller.destroyForcibly(); // SIGKILL: no shutdown hook runs
            controller.waitFor(10, TimeUnit.SECONDS);
        }
        Optional<Path> runDir = Optional.of(VmshieldHome.runDir(home));
        assertThat(QemuCleanup.findQemuProcesses(runDir)).as("the orphaned QEMU").hasSize(1);
        assertThat(CommandOutput.of("ip", "netns", "list")).contains("vmshield");
        List<Long> others = QemuCleanup.findQemuProcesses(Optional.empty()).stream()
                .filter(pid -> !QemuCleanup.findQemuProcesses(runDir).contains(pid)).toList();

        // scoped to this test's home, so that VMs of other controllers on this machine keep running;
        // `vmshield cleanup` runs the same steps for every controller
        QemuCleanup.Report report = QemuCleanup.run(home, false);

        assertThat(report.killedPids()).isNotEmpty();
        assertThat(report.cgroupsRemoved()).isPositive();
        assertThat(report.problems()).isEmpty();
        assertThat(others).as("VMs of other controllers").allMatch(pid -> ProcessHandle.of(pid).isPresent());
        if (others.isEmpty()) { // the machine had no other vmshield VM: everything must be gone
            assertThat(report.networkRemoved()).isTrue();
            assertThat(CommandOutput.of("ip", "netns", "list")).doesNotContain("vmshield");
            assertThat(CommandOutput.of("ip", "-o", "link")).doesNotContain("vms0");
        }
        QemuTestSupport.assertNothingLeft(home, List.of("ct-a"));
    }
}
