package org.vmshield.load.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.load.FailureKind;
import org.vmshield.load.TrafficClass;

class StatsRecorderTest {
    private static final long MS = 1_000_000L;

    @Test
    void totalsSecondsAndWindowsAgree() {
        StatsRecorder r = new StatsRecorder();
        List<SecondFigures> series = new ArrayList<>();
        // second 1: 10 fast successes; second 2: 5 slow successes, 5 timeouts; second 3: 4 successes, 4 x 503
        for (int i = 0; i < 10; i++) {
            r.recordRequest("web", TrafficClass.LEGIT, null, 2 * MS, 200, null);
        }
        series.add(r.closeSecond(1, 0, 1_000));
        for (int i = 0; i < 5; i++) {
            r.recordRequest("web", TrafficClass.LEGIT, null, 800 * MS, 200, null);
            r.recordRequest("web", TrafficClass.LEGIT, null, 0, 0, FailureKind.TIMEOUT);
        }
        series.add(r.closeSecond(2, 1_000, 2_000));
        for (int i = 0; i < 4; i++) {
            r.recordRequest("web", TrafficClass.LEGIT, null, 10 * MS, 200, null);
            r.recordRequest("web", TrafficClass.LEGIT, null, 10 * MS, 503, FailureKind.HTTP_5XX);
        }
        series.add(r.closeSecond(3, 2_000, 3_000));

        ClassStats total = r.totals().get("web").get(TrafficClass.LEGIT);
        assertThat(total.requests()).isEqualTo(28);
        assertThat(total.successes()).isEqualTo(19);
        assertThat(total.failures()).containsEntry(FailureKind.TIMEOUT, 5L).containsEntry(FailureKind.HTTP_5XX, 4L);
        assertThat(total.statusCounts()).containsEntry(200, 19L).containsEntry(503, 4L);
        assertThat(total.latency().count()).isEqualTo(23); // timeouts have no response latency
        assertThat(total.latency().maxMs()).isBetween(799.0, 801.0);

        SecondStats second2 = series.get(1).stats("web", TrafficClass.LEGIT);
        assertThat(second2.successRate()).isEqualTo(0.5);
        assertThat(second2.throughputRps()).isEqualTo(5.0);
        assertThat(second2.p99Ms()).isBetween(790.0, 810.0);
        assertThat(series.get(0).stats("web", TrafficClass.LEGIT).p99Ms()).isBetween(1.9, 2.1);

        ClassStats window = Windows.window(series, "web", TrafficClass.LEGIT, 1_000, 3_000);
        assertThat(window.requests()).isEqualTo(18);
        assertThat(window.successes()).isEqualTo(9);
        assertThat(window.failures()).containsEntry(FailureKind.TIMEOUT, 5L);
        assertThat(window.latency().count()).isEqualTo(13);
        assertThat(Windows.window(series, "web", TrafficClass.LEGIT, 0, 1_000).latency().p99Ms()).isBetween(1.9, 2.1);
        assertThat(Windows.window(series, "web", TrafficClass.ATTACK, 0, 3_000)).isEqualTo(ClassStats.EMPTY);
    }

    @Test
    void connectionsAreCountedWithTheirPeak() {
        StatsRecorder r = new StatsRecorder();
        r.connectionOpened("web", TrafficClass.ATTACK);
        r.connectionOpened("web", TrafficClass.ATTACK);
        r.connectionClosed("web", TrafficClass.ATTACK, true);
        r.connectionFailed("web", TrafficClass.ATTACK);
        SecondFigures f = r.closeSecond(1, 0, 1_000);
        assertThat(f.stats("web", TrafficClass.ATTACK).connectionsHeld()).isEqualTo(1);
        assertThat(r.totals().get("web").get(TrafficClass.ATTACK).connections())
                .isEqualTo(new ConnectionStats(2, 1, 1, 2));
    }
}
