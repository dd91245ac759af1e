package org.vmshield.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmshield.report.SampleRuns;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.VersionSwitch;

class SummaryTableTest {

    private static RunRecord exactRun() {
        return RunRecord.builder().scenario("canonical").attackKind("mixed").durationMs(60_000)
                .attackWindow(10_000, 50_000)
                .addEvent(12_500, EventKind.ACTION_FINISHED, "attacked on big")
                .exactPhase("critical", Phase.BEFORE, PhaseStats.exact(10_000, 9_987, 4.25, 12.3))
                .exactPhase("critical", Phase.MITIGATED, PhaseStats.exact(3_750, 3_712, 5.5, 17.75))
                .exactPhase("attacked", Phase.ATTACK, PhaseStats.exact(2_000, 1_500, 250, 1_830))
                .service("critical").service("attacked")
                .addMigration(new Migration("attacked", "small", "big", 11_200, 1_300, 38))
                .addVersionSwitch(new VersionSwitch("attacked", "v1", "v2", 13_000, 4.5))
                .addRule("r1", "deny /search from 127.66.0.0/16")
                .legitRefused(2)
                .detectionSeconds(1.2)
                .firstActionSeconds(1.875)
                .build();
    }

    @Test
    void showsEveryFigurePerServiceAndPhase() {
        String table = SummaryTable.render(exactRun(), Optional.empty());

        assertThat(table).containsPattern("critical\\s+before\\s+10,000\\s+99\\.87%\\s+4\\.3\\s+12\\.3\\n");
        assertThat(table).containsPattern("\\s+mitigated\\s+3,750\\s+98\\.99%\\s+5\\.5\\s+17\\.8\\n");
        assertThat(table).containsPattern("attacked\\s+before\\s+0\\s+-\\s+-\\s+-\\n");
        assertThat(table).containsPattern("\\s+attack\\s+2,000\\s+75\\.00%\\s+250\\s+1,830\\n");
        assertThat(table).contains("mitigated phase 12.5 s to 50.0 s");
        assertThat(table).containsPattern("detection\\s+1\\.20 s after onset");
        assertThat(table).containsPattern("first action\\s+1\\.88 s after onset");
        assertThat(table).contains("attacked small -> big: total 1,300 ms, downtime 38 ms (t=11.2 s)");
        assertThat(table).contains("attacked v1 -> v2: 4.50 s (t=13.0 s)");
        assertThat(table).contains("r1: deny /search from 127.66.0.0/16");
        assertThat(table).containsPattern("legit sources refused\\s+2");
    }

    @Test
    void putsTheBaselineSideBySide() {
        RunRecord run = SampleRuns.mitigated();
        RunRecord baseline = SampleRuns.baseline();

        String table = SummaryTable.render(run, Optional.of(baseline));

        assertThat(table).contains("base success").contains("base p99");
        String mitigatedRow = table.lines().filter(l -> l.strip().startsWith("mitigated ")).findFirst().orElseThrow();
        // the baseline had no finished action: its mitigated columns are empty.
        assertThat(mitigatedRow).containsPattern("-\\s+-\\s+-$");
        assertThat(table).containsPattern("detection\\s+1\\.20 s after onset\\s+\\(baseline: 1\\.30 s after onset\\)");
        assertThat(table).containsPattern("first action\\s+1\\.90 s after onset\\s+\\(baseline: none\\)");
    }

    @Test
    void saysNoneWhenNothingHappened() {
        String table = SummaryTable.render(SampleRuns.baseline(), Optional.empty());

        assertThat(table).contains("mitigation off").contains("mitigated phase none");
        assertThat(table).containsPattern("migrations\\s+none").containsPattern("version switches\\s+none")
                .containsPattern("rules added\\s+none").containsPattern("first action\\s+none");
    }
}
