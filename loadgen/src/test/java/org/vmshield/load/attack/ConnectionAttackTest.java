package org.vmshield.load.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.LoadReport;
import org.vmshield.load.LoadRun;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.load.testing.RecordingHttpServer;

class ConnectionAttackTest {
    @Test
    void slowlorisHoldsConnectionsOpenWithoutEverCompletingTheHeaders() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(1_500)
                    .attack(new Slowloris(20, 5, 200, 100), "web", 0, 1_500)
                    .build();
            LoadRun run = LoadGenerator.start(plan);
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 20);
            long bytesAtFull = server.bytesReceived();
            // headers keep trickling in on the held connections...
            await().atMost(Duration.ofSeconds(1)).until(() -> server.bytesReceived() > bytesAtFull + 20 * 10);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            // ...but no request ever completed its headers
            assertThat(server.hits()).isEmpty();
            ClassStats attack = report.stats("web", TrafficClass.ATTACK);
            assertThat(attack.connections().peakHeld()).isEqualTo(20);
            assertThat(attack.connections().opened()).isEqualTo(20);
            assertThat(attack.connections().closedByPeer()).isZero();
            assertThat(report.series()).anyMatch(f -> f.stats("web", TrafficClass.ATTACK).connectionsHeld() == 20);
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 0);
        }
    }

    @Test
    void connFloodHoldsNConnectionsFromAttackSourcesAndReleasesThemAtTheEnd() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(1_500)
                    .attack(new ConnFlood(60, 6, 1_000), "web", 0, 1_500)
                    .build();
            LoadRun run = LoadGenerator.start(plan);
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 60);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            assertThat(server.acceptedConnections()).isEqualTo(60);
            assertThat(server.bytesReceived()).isZero();
            assertThat(report.stats("web", TrafficClass.ATTACK).connections().peakHeld()).isEqualTo(60);
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 0);
        }
    }

    @Test
    void connFloodReopensConnectionsTheServerClosesWithinItsBound() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(1_000)
                    .attack(new ConnFlood(5, 1, 1_000), "web", 0, 1_000)
                    .build();
            LoadRun run = LoadGenerator.start(plan);
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 5);
            server.closeAllConnections();
            await().atMost(Duration.ofSeconds(2)).until(() -> server.acceptedConnections() == 10 && server.openConnections() == 5);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            assertThat(report.stats("web", TrafficClass.ATTACK).connections().closedByPeer()).isEqualTo(5);
            assertThat(report.stats("web", TrafficClass.ATTACK).connections().opened()).isEqualTo(10);
        }
    }

    @Test
    void hoppingConnFloodMovesItsConnectionsToTheNextService() throws Exception {
        try (RecordingHttpServer a = RecordingHttpServer.start(); RecordingHttpServer b = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("a", a.url(), 0)
                    .service("b", b.url(), 0)
                    .durationMillis(2_000)
                    .attack(new Hopping(new ConnFlood(8, 2, 1_000), java.util.List.of(), 1_000), "a", 0, 2_000)
                    .build();
            LoadRun run = LoadGenerator.start(plan);
            await().atMost(Duration.ofSeconds(2)).until(() -> a.openConnections() == 8 && b.openConnections() == 0);
            await().atMost(Duration.ofSeconds(2)).until(() -> b.openConnections() == 8 && a.openConnections() == 0);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            assertThat(report.stats("a", TrafficClass.ATTACK).connections().peakHeld()).isEqualTo(8);
            assertThat(report.stats("b", TrafficClass.ATTACK).connections().peakHeld()).isEqualTo(8);
            assertThat(report.stats("a", TrafficClass.ATTACK).connections().closedByPeer()).isZero();
            await().atMost(Duration.ofSeconds(2)).until(() -> b.openConnections() == 0);
        }
    }

    @Test
    void pulsingConnFloodClosesItsConnectionsWhileOffAndReopensThemWhenOn() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(3_000)
                    .attack(new Pulsing(new ConnFlood(6, 2, 1_000), 700, 700), "web", 0, 3_000)
                    .build();
            LoadRun run = LoadGenerator.start(plan);
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 6); // on
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 0); // off
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 6); // on again
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            ClassStats attack = report.stats("web", TrafficClass.ATTACK);
            assertThat(attack.connections().opened()).isGreaterThanOrEqualTo(12).isEqualTo(server.acceptedConnections());
            assertThat(attack.connections().peakHeld()).isEqualTo(6);
            assertThat(attack.connections().closedByPeer()).isZero();
        }
    }
}
