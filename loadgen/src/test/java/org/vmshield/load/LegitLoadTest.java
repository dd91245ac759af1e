package org.vmshield.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.testing.RecordingHttpServer;
import org.vmshield.load.testing.RecordingHttpServer.Hit;

class LegitLoadTest {
    @Test
    void sendsPoissonLoadAtTheRateFromManyLoopbackSourcesAndStopsByItself() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.start()) {
            LoadPlan plan = LoadPlan.builder()
                    .service(ServiceTarget.of("web", server.url(), 100).withPaths(PathMix.parse("/=3,/search?q=x=1")))
                    .durationMillis(2_000)
                    .legitSourcesPerService(50)
                    .seed(7)
                    .build();
            List<SecondFigures> seen = new CopyOnWriteArrayList<>();
            long before = System.nanoTime();
            LoadRun run = LoadGenerator.start(plan, new LoadListener() {
                @Override
                public void onSecond(SecondFigures figures) {
                    seen.add(figures);
                }
            });
            LoadReport report = run.awaitReport(Duration.ofSeconds(10));
            long tookMillis = (System.nanoTime() - before) / 1_000_000;

            ClassStats legit = report.stats("web", TrafficClass.LEGIT);
            List<Hit> hits = server.hits();
            // 200 expected; Poisson standard deviation is sqrt(200) ~ 14: four of them is 57
            assertThat(hits.size()).isBetween(143, 257);
            assertThat(legit.requests()).isEqualTo(hits.size());
            assertThat(legit.successes()).isEqualTo(hits.size());
            assertThat(legit.statusCounts()).containsEntry(200, (long) hits.size());
            assertThat(legit.latency().p50Ms()).isPositive().isLessThanOrEqualTo(legit.latency().p99Ms());
            assertThat(legit.latency().p99Ms()).isLessThanOrEqualTo(legit.latency().maxMs());

            Set<String> sources = hits.stream().map(h -> h.source().getHostAddress()).collect(Collectors.toSet());
            assertThat(sources).allMatch(a -> a.startsWith("127.1."));
            assertThat(sources.size()).isGreaterThan(40); // 50 sources, ~4 requests each
            assertThat(legit.sources()).isEqualTo(sources.size());
            assertThat(legit.refusedSources()).isZero();
            long searches = hits.stream().filter(h -> h.uri().equals("/search?q=x")).count();
            assertThat(searches).isBetween(hits.size() / 8L, hits.size() / 2L); // weight 1 in 4
            assertThat(hits).allMatch(h -> h.uri().equals("/") || h.uri().equals("/search?q=x"));

            // arrivals stay inside the run's window: nothing before its start nor after its end
            assertThat(hits).allMatch(h -> h.nanoTime() >= run.startNanos()
                    && h.nanoTime() < run.startNanos() + 2_000_000_000L + 1_000_000_000L); // late sends on a busy machine
            assertThat(tookMillis).isLessThan(6_000);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> server.hits().size() == hits.size());
            await().atMost(Duration.ofSeconds(2)).until(() -> server.openConnections() == 0);

            // the series covers the run and adds up to the totals
            assertThat(report.series()).hasSizeBetween(2, 3);
            assertThat(seen).containsExactlyElementsOf(report.series());
            long sum = report.series().stream().mapToLong(f -> f.stats("web", TrafficClass.LEGIT).requests()).sum();
            assertThat(sum).isEqualTo(legit.requests());
            ClassStats firstSecond = report.window("web", TrafficClass.LEGIT, 0, 1_000);
            assertThat(firstSecond.requests()).isEqualTo(report.series().get(0).stats("web", TrafficClass.LEGIT).requests());
            assertThat(firstSecond.requests()).isBetween(50L, 150L);
        }
    }

    @Test
    void theSameSeedGivesTheSameNumberOfRequests() throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (RecordingHttpServer server = RecordingHttpServer.start()) {
                LoadPlan plan = LoadPlan.builder().service("web", server.url(), 80).durationMillis(1_000).seed(42).build();
                LoadGenerator.start(plan).awaitReport(Duration.ofSeconds(10));
                counts.add(server.hits().size());
            }
        }
        assertThat(counts.get(0)).isEqualTo(counts.get(1)).isPositive();
    }
}
