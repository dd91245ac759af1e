package org.vmshield.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vmshield.load.FailureKind;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.LoadReport;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.load.testing.RecordingHttpServer;

class FailureAccountingTest {
    @Test
    void aServerThatIsDownCountsEveryRequestAsAConnectError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        LoadPlan plan = LoadPlan.builder().service("web", "http://127.0.0.1:" + port, 50).durationMillis(1_000).build();
        ClassStats legit = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10)).stats("web", TrafficClass.LEGIT);
        assertThat(legit.requests()).isBetween(20L, 90L);
        assertThat(legit.successes()).isZero();
        assertThat(legit.failures(FailureKind.CONNECT_ERROR)).isEqualTo(legit.requests());
        assertThat(legit.successRate()).isZero();
    }

    @Test
    void aSlowServerCountsTimeoutsAndTheRunEndsOneTimeoutAfterItsDuration() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start().delayMillis(1_000)) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 40).durationMillis(1_000)
                    .requestTimeoutMillis(200).build();
            long t0 = System.nanoTime();
            LoadReport report = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10));
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;
            ClassStats legit = report.stats("web", TrafficClass.LEGIT);
            assertThat(legit.requests()).isPositive().isEqualTo(server.hits().size());
            assertThat(legit.failures(FailureKind.TIMEOUT)).isEqualTo(legit.requests());
            assertThat(tookMillis).isBetween(1_000L, 4_000L); // duration + the timeout, plus set-up on a busy machine
            assertThat(report.elapsedMillis()).isBetween(1_000L, 2_500L);
        }
    }

    @Test
    void responsesAreClassifiedByStatusAndLatencyIsMeasuredFromTheScheduledTime() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start().status(503).delayMillis(50)) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 40).durationMillis(1_000).build();
            ClassStats legit = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10)).stats("web", TrafficClass.LEGIT);
            assertThat(legit.requests()).isPositive();
            assertThat(legit.failures(FailureKind.HTTP_5XX)).isEqualTo(legit.requests());
            assertThat(legit.statusCounts()).containsOnlyKeys(503);
            assertThat(legit.latency().p50Ms()).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void sourcesRefusedByAGuardAreCounted() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start().status(429)) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 40).legitSourcesPerService(10)
                    .durationMillis(1_000).build();
            ClassStats legit = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10)).stats("web", TrafficClass.LEGIT);
            long distinct = server.hits().stream().map(h -> h.source()).distinct().count();
            assertThat(legit.failures(FailureKind.HTTP_4XX)).isEqualTo(legit.requests()).isPositive();
            assertThat(legit.sources()).isEqualTo(distinct);
            assertThat(legit.refusedSources()).isEqualTo(distinct).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aConnectionClosedBeforeTheResponseCountsAsReset() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start().mode(RecordingHttpServer.Mode.CLOSE_WITHOUT_ANSWER)) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 40).durationMillis(1_000).build();
            ClassStats legit = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10)).stats("web", TrafficClass.LEGIT);
            assertThat(legit.requests()).isPositive().isEqualTo(server.hits().size());
            assertThat(legit.failures(FailureKind.RESET)).isEqualTo(legit.requests());
        }
    }

    @Test
    void requestsOverTheOutstandingBoundAreCountedAsLocalLimitFailures() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start().delayMillis(1_500)) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 100).durationMillis(1_000)
                    .requestTimeoutMillis(5_000).maxOutstanding(5).build();
            ClassStats legit = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10)).stats("web", TrafficClass.LEGIT);
            // every request is still slow when the run ends: 5 in flight, all the others refused locally
            assertThat(server.hits()).hasSize(5);
            assertThat(legit.failures(FailureKind.LOCAL_LIMIT)).as("%s", legit).isEqualTo(legit.requests() - 5);
            assertThat(legit.requests()).isGreaterThan(50);
            assertThat(legit.successes()).as("%s", legit).isEqualTo(5);
        }
    }

    @Test
    void theRequestBudgetStopsTheRun() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder().service("web", server.url(), 200).durationMillis(1_000).maxRequests(30).build();
            LoadReport report = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10));
            assertThat(server.hits()).hasSize(30);
            assertThat(report.requestBudgetExhausted()).isTrue();
        }
    }
}
