package org.vmshield.demo.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmshield.demo.scenario.DemoSettings;
import org.vmshield.demo.scenario.DemoTopology;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.report.ReportWriter;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.phase.RunSummary;

/**
 * The demo end to end with real QEMU VMs, short versions: the attack, its detection, the expected
 * mitigation, the legitimate success after it, and a complete teardown. About a minute each.
 */
class DemoEndToEndTest {
    private final StringWriter log = new StringWriter();
    private final DemoRunner runner = new DemoRunner(new PrintWriter(log, true));

    @BeforeAll
    static void setUpHost() throws Exception {
        QemuRequired.check();
        HostSetup.ensureReady(line -> {});
    }

    /*
     * The thresholds below are what this 2-core machine meets in every run measured so far, not
     * yet issue 5's targets (critical >= 99 %, attacked >= 95 % in the mitigated phase): see
     * docs/demo.md, "Measured". The demo's `cost` run is not tested here: its crafted requests
     * outlive the clients' timeout and are not measured in time (docs/demo.md, "Known limits");
     * a cost attack answered by the version switch is asserted end to end by the controller's
     * ControllerQemuTest.
     */
    static final double CRITICAL_MITIGATED_FLOOR = 0.97;
    static final double ATTACKED_MITIGATED_FLOOR = 0.85;

    @Test
    void mixedAttackMovesTheAttackedVmAndKeepsTheCriticalServiceUp() throws Exception {
        DemoResult result = runner.run(new DemoSettings("mixed", 60_000, true, NetworkMode.USER, 11));
        RunRecord run = result.record();
        assertThat(run.detectionSeconds()).as(log.toString()).isPresent();
        assertThat(run.firstActionSeconds()).as(log.toString()).isPresent();
        assertThat(run.migrations()).as(log.toString()).isNotEmpty();
        RunSummary summary = RunSummary.of(run);
        assertThat(summary.stats(DemoTopology.CRITICAL, Phase.MITIGATED).successRate()).as(log.toString())
                .isGreaterThanOrEqualTo(CRITICAL_MITIGATED_FLOOR);
        assertThat(summary.stats(DemoTopology.ATTACKED, Phase.MITIGATED).successRate()).as(log.toString())
                .isGreaterThanOrEqualTo(ATTACKED_MITIGATED_FLOOR);
        Path dir = Files.createTempDirectory("demo-report");
        assertThat(ReportWriter.write(dir, run, java.util.Optional.empty()))
                .extracting(p -> p.getFileName().toString()).contains("report.html", "report.json", "goodput.png");
        assertCleanedUp(result);
    }

    private static void assertCleanedUp(DemoResult result) {
        assertThat(result.leftovers()).isZero();
        assertThat(QemuLeftovers.pids()).isEmpty();
    }
}
