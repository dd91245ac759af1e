package org.vmshield.report.phase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;

class PhaseWindowsTest {

    /** A 10 s run, attack [3.4 s, 7.5 s), one request per second that succeeded with latency = second + 1 ms. */
    private static RunRecord.Builder run() {
        RunRecord.Builder b = RunRecord.builder().scenario("s").attackKind("http-flood")
                .durationMs(10_000).attackWindow(3_400, 7_500);
        for (int s = 0; s < 10; s++) {
            b.addServiceSecond("svc", new ServiceSecond(s, 1, 1, 0, s + 1, s + 1));
        }
        return b;
    }

    @Test
    void cutsBeforeAttackAfterAtOnsetAndEnd() {
        PhaseWindows windows = PhaseWindows.of(run().build());

        assertThat(windows.window(Phase.BEFORE)).contains(new TimeWindow(0, 3_400));
        assertThat(windows.window(Phase.ATTACK)).contains(new TimeWindow(3_400, 7_500));
        assertThat(windows.window(Phase.AFTER)).contains(new TimeWindow(7_500, 10_000));
    }

    @Test
    void assignsEachSecondToThePhaseHoldingItsMiddle() {
        RunSummary summary = RunSummary.of(run().build());

        // seconds 0..2 (middles 0.5..2.5 s) before; 3..6 (3.5..6.5 s) attack; 7 (7.5 s, = end) onwards after.
        assertThat(summary.stats("svc", Phase.BEFORE).requests()).isEqualTo(3);
        assertThat(summary.stats("svc", Phase.ATTACK).requests()).isEqualTo(4);
        assertThat(summary.stats("svc", Phase.AFTER).requests()).isEqualTo(3);
        assertThat(summary.stats("svc", Phase.ATTACK).p50Ms()).isBetween(4.0, 7.0);
    }

    @Test
    void windowIsHalfOpenAtItsMiddlePoint() {
        TimeWindow window = new TimeWindow(3_500, 7_500);

        assertThat(window.containsSecond(2)).isFalse();
        assertThat(window.containsSecond(3)).isTrue();   // middle 3.5 s = start: inside
        assertThat(window.containsSecond(6)).isTrue();
        assertThat(window.containsSecond(7)).isFalse();  // middle 7.5 s = end: outside
    }

    @Test
    void mitigatedStartsWhenTheFirstActionFinishesAfterOnset() {
        RunRecord run = run()
                .addEvent(1_000, EventKind.ACTION_FINISHED, "left over from an earlier incident")
                .addEvent(4_000, EventKind.ACTION_STARTED, "migrate")
                .addEvent(6_200, EventKind.ACTION_FINISHED, "second")
                .addEvent(5_200, EventKind.ACTION_FINISHED, "first")
                .build();

        RunSummary summary = RunSummary.of(run);

        assertThat(summary.windows().window(Phase.MITIGATED)).contains(new TimeWindow(5_200, 7_500));
        // seconds 5 (5.5 s) and 6 (6.5 s); latencies 6 and 7 ms.
        assertThat(summary.stats("svc", Phase.MITIGATED).requests()).isEqualTo(2);
        assertThat(summary.stats("svc", Phase.MITIGATED).p99Ms()).isBetween(6.0, 7.0);
    }

    @Test
    void mitigatedIsEmptyWhenNoActionFinished() {
        RunRecord run = run().mitigation(false).addEvent(4_000, EventKind.INCIDENT_OPENED, "flood").build();

        RunSummary summary = RunSummary.of(run);

        assertThat(summary.windows().window(Phase.MITIGATED)).isEmpty();
        PhaseStats mitigated = summary.stats("svc", Phase.MITIGATED);
        assertThat(mitigated.requests()).isZero();
        assertThat(mitigated.successRate()).isNaN();
        assertThat(mitigated.p99Ms()).isNaN();
    }

    @Test
    void mitigatedIsEmptyWhenTheFirstActionFinishedAfterTheAttack() {
        RunRecord run = run().addEvent(7_500, EventKind.ACTION_FINISHED, "too late").build();

        assertThat(PhaseWindows.of(run).window(Phase.MITIGATED)).isEmpty();
        assertThat(RunSummary.of(run).stats("svc", Phase.MITIGATED)).isEqualTo(PhaseStats.EMPTY);
    }

    @Test
    void exactAggregatesWinOverSamples() {
        PhaseStats exact = PhaseStats.exact(1_000, 990, 3.5, 41.0);
        RunRecord run = run().exactPhase("svc", Phase.ATTACK, exact).build();

        RunSummary summary = RunSummary.of(run);

        assertThat(summary.stats("svc", Phase.ATTACK)).isEqualTo(exact);
        assertThat(summary.stats("svc", Phase.ATTACK).estimated()).isFalse();
        assertThat(summary.stats("svc", Phase.BEFORE).estimated()).isTrue();
        assertThat(summary.stats("svc", Phase.BEFORE).requests()).isEqualTo(3);
    }
}
