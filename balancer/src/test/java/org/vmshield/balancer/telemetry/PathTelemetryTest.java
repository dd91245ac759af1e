package org.vmshield.balancer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vmshield.model.telemetry.PathStat;

class PathTelemetryTest {
    @Test
    void showsAnExpensivePathByBackendTimeEvenAtALowRate() {
        PathTelemetry t = new PathTelemetry(3, 64);
        for (int i = 0; i < 10_000; i++) {
            t.onRequestDone("/static/" + (i % 5) + ".css", 100_000); // cheap: 0.1 ms
            if (i % 100 == 0) {
                t.onRequestDone("/report.cgi", 200_000_000); // expensive: 200 ms, 100 requests
            }
            t.onRequestDone("/junk/" + i, 50_000); // 10k one-off paths churning the table
        }
        PathTelemetry.Snapshot s = t.snapshot(10_000);
        assertThat(s.topByRequests()).extracting(PathStat::path).allMatch(p -> p.startsWith("/static/"));
        PathStat top = s.topByBackendTime().get(0);
        assertThat(top.path()).isEqualTo("/report.cgi");
        assertThat(top.requestsPerSec()).isCloseTo(10, within(0.5));
        assertThat(top.backendMillisPerSec()).isCloseTo(2000, within(100.0));
        assertThat(top.meanBackendMillis()).isCloseTo(200, within(10.0));
        PathStat css = s.topByRequests().get(0);
        assertThat(css.requestsPerSec()).isCloseTo(200, within(20.0));
        assertThat(t.snapshot(1000).topByRequests()).isEmpty();
    }
}
