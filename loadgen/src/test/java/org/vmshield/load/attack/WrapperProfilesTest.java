package org.vmshield.load.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.LoadReport;
import org.vmshield.load.LoadRun;
import org.vmshield.load.PathMix;
import org.vmshield.load.ServiceTarget;
import org.vmshield.load.SourceRange;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.testing.RecordingHttpServer;
import org.vmshield.load.testing.RecordingHttpServer.Hit;

class WrapperProfilesTest {
    @Test
    void pulsingSendsOnlyDuringOnPhases() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(1_600)
                    .attack(new Pulsing(new HttpFlood(10, 100, PathMix.ROOT), 400, 400), "web", 0, 1_600)
                    .build();
            LoadRun run = LoadGenerator.start(plan);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            List<Long> offsets = server.hits().stream().map(h -> (h.nanoTime() - run.startNanos()) / 1_000_000).toList();
            // on: [0,400) and [800,1200); receive time may trail the send (150 ms of slack, off phases last 400)
            assertThat(offsets).allMatch(ms -> (ms >= 0 && ms < 550) || (ms >= 800 && ms < 1_350));
            assertThat(offsets.size() + report.pacingSkips()).isEqualTo(80); // 100/s x 0.4 s x 2
            assertThat(offsets.stream().filter(ms -> ms < 600).count()).isBetween(25L, 40L);
            assertThat(offsets.stream().filter(ms -> ms >= 600).count()).isBetween(25L, 40L);
        }
    }

    @Test
    void hoppingSwitchesTheTargetServicePeriodically() throws Exception {
        try (RecordingHttpServer a = RecordingHttpServer.start(); RecordingHttpServer b = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("a", a.url(), 0)
                    .service("b", b.url(), 0)
                    .durationMillis(1_500)
                    .attack(new Hopping(new HttpFlood(10, 100, PathMix.ROOT), List.of(), 500), "b", 0, 1_500)
                    .build();
            LoadRun run = LoadGenerator.start(plan);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            // b first (the attack's target), then a, then b again
            assertThat(offsets(b.hits(), run)).allMatch(ms -> ms < 650 || ms >= 1_000).hasSizeBetween(75, 100);
            assertThat(offsets(a.hits(), run)).allMatch(ms -> ms >= 500 && ms < 1_150).hasSizeBetween(35, 50);
            assertThat(a.hits().size() + b.hits().size() + report.pacingSkips()).isEqualTo(150);
            assertThat(report.stats("a", TrafficClass.ATTACK).requests()).isEqualTo(a.hits().size());
            assertThat(report.stats("b", TrafficClass.ATTACK).requests()).isEqualTo(b.hits().size());
        }
    }

    @Test
    void flashCrowdComesFromNewLegitimateLookingSourcesWithTheServicePathMix() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service(ServiceTarget.of("web", server.url(), 20).withPaths(PathMix.of("/page")))
                    .legitSourcesPerService(10)
                    .durationMillis(1_500)
                    .attack(new FlashCrowd(100, 100, null), "web", 0, 1_500)
                    .build();
            LoadReport report = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10));
            List<Hit> hits = server.hits();
            assertThat(hits).allMatch(h -> SourceRange.LEGIT.contains(h.source()) && h.uri().equals("/page"));
            long legitSources = hits.stream().map(Hit::source).filter(s -> (s.getAddress()[2] & 0xff) < 128).distinct().count();
            long crowdSources = hits.stream().map(Hit::source).filter(s -> (s.getAddress()[2] & 0xff) >= 128).distinct().count();
            assertThat(legitSources).isLessThanOrEqualTo(10);
            assertThat(crowdSources).isGreaterThan(50); // ~150 requests over 100 new sources
            long crowd = report.stats("web", TrafficClass.FLASH_CROWD).requests();
            assertThat(crowd).isBetween(100L, 200L);
            assertThat(crowd + report.stats("web", TrafficClass.LEGIT).requests()).isEqualTo(hits.size());
        }
    }

    @Test
    void mixedRunsAFloodAndACostAttackTogether() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(1_000)
                    .attack(new Mixed(new HttpFlood(20, 100, PathMix.ROOT), new CostAttack(2, 20, "zz")), "web", 0, 1_000)
                    .build();
            LoadReport report = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10));
            List<Hit> hits = server.hits();
            assertThat(hits.stream().filter(h -> h.uri().equals("/")).count() + report.pacingSkips()).isEqualTo(100);
            assertThat(hits.stream().filter(h -> h.uri().equals("/search?q=zz")).count()).isBetween(5L, 40L);
            assertThat(hits).allMatch(h -> SourceRange.ATTACK.contains(h.source()));
            assertThat(report.streams()).containsExactly("http-flood:web", "cost:web");
        }
    }

    private static List<Long> offsets(List<Hit> hits, LoadRun run) {
        return hits.stream().map(h -> (h.nanoTime() - run.startNanos()) / 1_000_000).toList();
    }
}
