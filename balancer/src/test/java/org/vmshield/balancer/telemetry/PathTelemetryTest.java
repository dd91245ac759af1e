package org.vmshield.balancer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vmshield.model.telemetry.PathStat;

class PathTelemetryTest {
    private static final long MS = 1_000_000;
    private final AtomicLong clock = new AtomicLong(1_000 * MS);

    private void finished(PathTelemetry t, String path, long backendNanos) {
        t.onRequestStarted(path);
        t.onRequestDone(path, backendNanos, clock.get());
    }

    @Test
    void showsAnExpensivePathByBackendTimeEvenAtALowRate() {
        PathTelemetry t = new PathTelemetry(3, 64, clock::get);
        clock.addAndGet(10_000 * MS); // the interval lasts 10 s; every request ended inside it
        for (int i = 0; i < 10_000; i++) {
            finished(t, "/static/" + (i % 5) + ".css", 100_000); // cheap: 0.1 ms
            if (i % 100 == 0) {
                finished(t, "/report.cgi", 200 * MS); // expensive: 200 ms, 100 requests
            }
            finished(t, "/junk/" + i, 50_000); // 10k one-off paths churning the table
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

    @Test
    void countsBackendTimeWhileItIsSpentNotOnlyWhenTheRequestEnds() {
        PathTelemetry t = new PathTelemetry(5, 64, clock::get);
        InFlightRequest slow = t.openConnection();
        InFlightRequest cheap = t.openConnection();
        // two crafted requests go to a backend 100 ms into the interval and are not answered in it
        clock.addAndGet(100 * MS);
        t.onRequestStarted("/search");
        slow.begin("/search", clock.get());
        InFlightRequest other = t.openConnection();
        t.onRequestStarted("/search");
        other.begin("/search", clock.get());
        // a cheap request comes and goes
        t.onRequestStarted("/");
        cheap.begin("/", clock.get());
        clock.addAndGet(10 * MS);
        cheap.end();
        t.onRequestDone("/", 10 * MS, clock.get());
        clock.addAndGet(390 * MS); // the interval ends at 500 ms

        PathStat search = pathOf(t.snapshot(500), "/search");
        assertThat(search.requestsPerSec()).isCloseTo(4, within(1e-9));
        assertThat(search.backendMillisPerSec()).isCloseTo(1600, within(1e-6)); // 2 x 400 ms in 0.5 s
        assertThat(search.meanBackendMillis()).isCloseTo(400, within(1e-6)); // 800 ms over 2 requests

        // the next interval: one ends after 200 ms (only those 200 ms count now), the other stays
        clock.addAndGet(200 * MS);
        slow.end();
        t.onRequestDone("/search", 600 * MS, clock.get());
        clock.addAndGet(300 * MS);
        PathStat later = pathOf(t.snapshot(500), "/search");
        assertThat(later.backendMillisPerSec()).isCloseTo(1400, within(1e-6)); // (200 + 500) ms in 0.5 s
        assertThat(later.requestsPerSec()).isZero();

        // a closed connection is no longer followed
        t.closeConnection(other);
        clock.addAndGet(500 * MS);
        assertThat(t.snapshot(500).topByBackendTime()).isEmpty();
    }

    @Test
    void aRequestWithoutABackendAnswerAddsNoTime() {
        PathTelemetry t = new PathTelemetry(5, 64, clock::get);
        clock.addAndGet(500 * MS);
        t.onRequestStarted("/x");
        t.onRequestDone("/x", -1, clock.get());
        PathStat x = pathOf(t.snapshot(500), "/x");
        assertThat(x.requestsPerSec()).isEqualTo(2);
        assertThat(x.backendMillisPerSec()).isZero();
    }

    private static PathStat pathOf(PathTelemetry.Snapshot s, String path) {
        return s.topByBackendTime().stream().filter(p -> p.path().equals(path)).findFirst()
                .or(() -> s.topByRequests().stream().filter(p -> p.path().equals(path)).findFirst())
                .orElseThrow(() -> new AssertionError(path + " not in " + s));
    }
}
