package org.vmshield.load.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.LoadReport;
import org.vmshield.load.SourceRange;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.testing.RecordingHttpServer;
import org.vmshield.load.testing.RecordingHttpServer.Hit;

class HttpFloodTest {
    @Test
    void floodComesFromManyAttackSourcesEachUnderThePerSourceCap() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            int sources = 40;
            double perSourceRps = 5;
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(2_000)
                    .attack(new HttpFlood(sources, sources * perSourceRps, org.vmshield.load.PathMix.ROOT), "web", 0, 2_000)
                    .build();
            LoadReport report = LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10));

            List<Hit> hits = server.hits();
            // 40 x 5/s x 2 s evenly paced: 400 arrivals; a few may be skipped if the generator ran late
            assertThat(hits.size() + report.pacingSkips()).isEqualTo(400);
            assertThat(report.pacingSkips()).isLessThanOrEqualTo(40);
            assertThat(report.stats("web", TrafficClass.ATTACK).successes()).isEqualTo(hits.size());
            assertThat(report.stats("web", TrafficClass.LEGIT).requests()).isZero();
            assertThat(hits).allMatch(h -> SourceRange.ATTACK.contains(h.source()));
            Map<InetAddress, List<Long>> bySource = hits.stream().collect(Collectors.groupingBy(Hit::source,
                    Collectors.mapping(Hit::nanoTime, Collectors.toList())));
            assertThat(bySource).hasSize(sources);
            for (List<Long> times : bySource.values()) {
                // the generator guarantees at most 1.2 + cap * T sends per source in any T seconds; seen at
                // the server, with up to 200 ms of receive jitter, one second covers at most 1.2 s of sends
                assertThat(maxInAnyWindow(times, 1_000_000_000L)).isLessThanOrEqualTo(7);
                assertThat(times.size()).isLessThanOrEqualTo((int) (2 * perSourceRps));
            }
        }
    }

    @Test
    void costAttackSendsTheCraftedQueryFromAFewAttackSources() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 0)
                    .durationMillis(2_000)
                    .attack(new CostAttack(3, 20, "a".repeat(200)), "web", 0, 2_000)
                    .build();
            LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10));
            List<Hit> hits = server.hits();
            assertThat(hits.size()).isBetween(15, 70); // Poisson, 40 expected
            assertThat(hits).allMatch(h -> h.uri().equals("/search?q=" + "a".repeat(200)));
            assertThat(hits.stream().map(Hit::source).distinct()).allMatch(SourceRange.ATTACK::contains).hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void attackStartsAndEndsAtItsWindowWhileLegitimateLoadRunsThroughout() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service("web", server.url(), 30)
                    .durationMillis(2_000)
                    .attack(new HttpFlood(10, 100, org.vmshield.load.PathMix.of("/flood")), "web", 500, 1_000)
                    .build();
            var run = LoadGenerator.start(plan);
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            List<Long> floodOffsets = new ArrayList<>();
            for (Hit h : server.hits()) {
                if (h.uri().equals("/flood")) {
                    floodOffsets.add((h.nanoTime() - run.startNanos()) / 1_000_000);
                }
            }
            assertThat(floodOffsets).hasSizeBetween(95, 100).allMatch(ms -> ms >= 490 && ms < 1_600);
            assertThat(report.stats("web", TrafficClass.LEGIT).requests()).isPositive();
            assertThat(report.stats("web", TrafficClass.ATTACK).requests()).isEqualTo(floodOffsets.size());
        }
    }

    static int maxInAnyWindow(List<Long> times, long windowNanos) {
        List<Long> sorted = times.stream().sorted().toList();
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < sorted.size(); hi++) {
            while (sorted.get(hi) - sorted.get(lo) >= windowNanos) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }
}
