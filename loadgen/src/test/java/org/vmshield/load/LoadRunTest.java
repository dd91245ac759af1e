package org.vmshield.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.load.testing.RecordingHttpServer;

class LoadRunTest {
    @Test
    void stopEndsARunEarlyAndTheReportSaysSo() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 50).durationMillis(60_000).build();
            LoadRun run = LoadGenerator.start(plan);
            await().atMost(Duration.ofSeconds(3)).until(() -> server.hits().size() >= 10);
            long t0 = System.nanoTime();
            run.stop();
            LoadReport report = run.awaitReport(Duration.ofSeconds(5));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
            assertThat(report.stoppedEarly()).isTrue();
            assertThat(report.elapsedMillis()).isLessThan(10_000);
            assertThat(report.stats("web", TrafficClass.LEGIT).requests()).isEqualTo(server.hits().size());
            run.close(); // idempotent once over
            assertThat(run.secondsSoFar()).isEqualTo(report.series());
        }
    }

    @Test
    void measuresWithTheInjectedClock() throws Exception {
        long offset = 3_600_000_000_000L; // an hour ahead: only differences of the clock may matter
        LoadClock shifted = () -> System.nanoTime() + offset;
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 40).durationMillis(1_000).build();
            LoadRun run = LoadGenerator.start(plan, LoadListener.NONE, shifted);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            ClassStats legit = report.stats("web", TrafficClass.LEGIT);
            assertThat(run.startNanos() - offset).isCloseTo(System.nanoTime(), org.assertj.core.data.Offset.offset(5_000_000_000L));
            assertThat(legit.requests()).isEqualTo(server.hits().size()).isPositive();
            assertThat(legit.successRate()).isEqualTo(1.0);
            assertThat(legit.latency().maxMs()).isLessThan(2_000);
            assertThat(server.hits()).allMatch(h -> h.nanoTime() >= run.startNanos() - offset);
        }
    }

    @Test
    void requestsDueWhileTheGeneratorLaggedAreReportedNotLost() throws Exception {
        java.util.concurrent.atomic.AtomicLong jump = new java.util.concurrent.atomic.AtomicLong();
        LoadClock clock = () -> System.nanoTime() + jump.get(); // a stalled generator sees time leap ahead
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 100).durationMillis(60_000).build();
            LoadRun run = LoadGenerator.start(plan, LoadListener.NONE, clock);
            await().atMost(Duration.ofSeconds(3)).until(() -> server.hits().size() >= 10);
            jump.set(2_000_000_000L);
            run.stop();
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            long requests = report.stats("web", TrafficClass.LEGIT).requests();
            double scheduledSeconds = report.elapsedMillis() / 1000.0;
            // about 200 arrivals fell due in the leap: each is either sent late or counted as unsent
            assertThat(report.unsentArrivals() > 100 || report.maxSendLagMillis() > 1_000).isTrue();
            assertThat((double) requests + report.unsentArrivals())
                    .isBetween(100 * scheduledSeconds - 60, 100 * scheduledSeconds + 60);
            assertThat(requests).isEqualTo(server.hits().size());
        }
    }
}
