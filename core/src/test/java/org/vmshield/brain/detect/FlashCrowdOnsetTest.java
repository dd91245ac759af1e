package org.vmshield.brain.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.model.telemetry.TelemetrySnapshot;

/**
 * The first ticks of a surge, on telemetry shaped like the demo's (500 ms ticks, sources counted as
 * they arrive, answers as a backend of limited capacity gives them): a flash crowd raises no attack
 * from its first tick, whatever the backend does; floods that a crowd's rules could hide (new
 * sources at twice a client's rate, idle connections from new sources) still open within 2 ticks;
 * a flood from bots each sending less than once per tick, which looks like a crowd until all of its
 * bots have been seen, opens once they have (judged over the balancer's 30 s window of sources).
 */
class FlashCrowdOnsetTest {
    /** 30 s of legitimate traffic first: every baseline warm, as after the demo's warm-up. */
    static final int ONSET = 60;
    static final int END = ONSET + 60;
    static final int TICKS = END + 10;

    /**
     * {@code attack}: the kind that must be active {@code byTick} ticks after the onset, or null for a
     * crowd (no attack ever); nothing may open before {@code firstTick}, when the surge's traffic
     * begins. {@code crowdFirst}: the surge may be taken for a crowd before it is found out.
     */
    record Case(String name, LongFunction<DemoShapedTraffic> traffic, IncidentKind attack, int firstTick, int byTick,
            boolean crowdFirst) {
        Case(String name, LongFunction<DemoShapedTraffic> traffic, IncidentKind attack) {
            this(name, traffic, attack, ONSET, 1, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("flash crowd (the demo's: 40 req/s from 400 new sources), backend keeps up",
                        seed -> new DemoShapedTraffic(seed).poisson("crowd-", 400, 40, ONSET, END), null),
                new Case("flash crowd on a slow backend (16 req/s answered, the rest in flight), moved at +3 s",
                        seed -> new DemoShapedTraffic(seed).poisson("crowd-", 400, 40, ONSET, END)
                                .capacity(0, 16).capacity(ONSET + 6, 80), null),
                new Case("flash crowd on a slow backend whose clients give up after 2 s, moved at +4 s",
                        seed -> new DemoShapedTraffic(seed).poisson("crowd-", 400, 40, ONSET, END)
                                .capacity(0, 16).capacity(ONSET + 8, 80).clientTimeout(4), null),
                new Case("flash crowd on a backend paused 1 s at a migration's switchover, then draining its queue",
                        seed -> new DemoShapedTraffic(seed).poisson("crowd-", 400, 40, ONSET, END)
                                .capacity(0, 16).capacity(ONSET + 4, 0).capacity(ONSET + 6, 200), null),
                new Case("flood from 40 new sources at twice a client's rate (2 requests per tick each)",
                        seed -> new DemoShapedTraffic(seed).paced("bot-", 40, 160, ONSET, END),
                        IncidentKind.VOLUMETRIC_FLOOD),
                new Case("flood from 100 new sources at 4 requests per tick each, on a slow backend",
                        seed -> new DemoShapedTraffic(seed).paced("bot-", 100, 800, ONSET, END).capacity(0, 16),
                        IncidentKind.VOLUMETRIC_FLOOD),
                new Case("connection flood: 30 new sources open 10 idle connections each (the demo's conn-flood)",
                        seed -> new DemoShapedTraffic(seed).idleConnections("bot-", 30, 10, 300, ONSET),
                        IncidentKind.VOLUMETRIC_FLOOD),
                new Case("connection flood: 300 new sources open one idle connection each, like a crowd's first ticks",
                        seed -> new DemoShapedTraffic(seed).idleConnections("bot-", 300, 1, 300, ONSET),
                        IncidentKind.VOLUMETRIC_FLOOD),
                new Case("the demo's http-flood: 200 new bots at 2 req/s each (one request per tick, as a client's), open once they repeat",
                        seed -> new DemoShapedTraffic(seed).paced("bot-", 200, 400, ONSET, END),
                        IncidentKind.VOLUMETRIC_FLOOD, ONSET, 2, true),
                new Case("slow bots: 200 new at 0.4 req/s each (a client sends 0.2), open once all are seen (2.5 s)",
                        seed -> new DemoShapedTraffic(seed).paced("bot-", 200, 80, ONSET, END),
                        IncidentKind.VOLUMETRIC_FLOOD, ONSET, 7, true),
                new Case("the same slow bots on a slow backend whose clients give up after 2 s",
                        seed -> new DemoShapedTraffic(seed).paced("bot-", 200, 80, ONSET, END)
                                .capacity(0, 30).clientTimeout(4),
                        IncidentKind.VOLUMETRIC_FLOOD, ONSET, 7, true),
                new Case("slow bots pulsing, a pulse 20 s after the first (its bots are known: open within 2 ticks)",
                        seed -> new DemoShapedTraffic(seed).paced("bot-", 200, 80, ONSET - 40, ONSET - 32)
                                .paced("bot-", 200, 80, ONSET, END),
                        IncidentKind.VOLUMETRIC_FLOOD, ONSET - 40, 1, true))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesTheFirstTicksOfASurge(Case c) {
        for (long seed = 1; seed <= 20; seed++) {
            DemoShapedTraffic traffic = c.traffic().apply(seed);
            List<DetectionResult> results = DetectionScenariosTest.run(traffic::tick, TICKS);
            String seedText = "seed " + seed;
            assertThat(DetectionScenariosTest.opened(results.subList(0, c.firstTick()))).as("nothing before the onset, " + seedText).isEmpty();
            if (c.attack() == null) {
                for (int i = 0; i < TICKS; i++) {
                    assertThat(results.get(i).activeAttacks()).as("no attack at tick %d, %s", i, seedText).isEmpty();
                }
                assertThat(DetectionScenariosTest.opened(results)).as(seedText).extracting(Incident::kind).containsOnly(IncidentKind.FLASH_CROWD);
                assertThat(results.get(ONSET + 6).active()).as("the crowd is recognised within 3 s, " + seedText)
                        .extracting(Incident::kind).contains(IncidentKind.FLASH_CROWD);
                assertThat(results.get(END - 1).active()).as("and until it leaves, " + seedText)
                        .extracting(Incident::kind).contains(IncidentKind.FLASH_CROWD);
            } else {
                assertThat(results.get(ONSET + c.byTick()).activeAttacks())
                        .as("open within %d ticks of the onset, %s", c.byTick() + 1, seedText)
                        .extracting(Incident::kind).contains(c.attack());
                assertThat(results.get(END - 1).activeAttacks()).as("until it stops, " + seedText)
                        .extracting(Incident::kind).contains(c.attack());
                if (!c.crowdFirst()) {
                    assertThat(DetectionScenariosTest.opened(results)).as("never cleared as a crowd, " + seedText)
                            .extracting(Incident::kind).doesNotContain(IncidentKind.FLASH_CROWD);
                }
            }
        }
    }

    @Test
    void distributedFloodFromNewSourcesAtTwiceTheClientRateIsAFloodNotACrowd() {
        // 500 clients at 0.4 req/s each; 1,000 new bots at 0.8 req/s each: the pool's rate per source
        // (1,000 / 1,500 = 0.67, 1.7x) looks normal, the bots' own rate (800 / 1,000) is twice it
        // (same path mix, spread thin: only the rate per source tells them apart)
        List<DetectionResult> results = withNewcomers(1000, 0.8);

        assertThat(DetectionScenariosTest.opened(results.subList(0, ONSET))).isEmpty();
        assertThat(results.get(ONSET + 1).activeAttacks()).extracting(Incident::kind)
                .containsExactly(IncidentKind.VOLUMETRIC_FLOOD);
        assertThat(DetectionScenariosTest.opened(results)).extracting(Incident::kind).doesNotContain(IncidentKind.FLASH_CROWD);
    }

    @Test
    void crowdOfClientsAtTheUsualRateIsStillACrowd() {
        // 2,000 newcomers at the clients' own 0.4 req/s: a crowd, whatever its size
        List<DetectionResult> results = withNewcomers(2000, 0.4);

        for (DetectionResult r : results) {
            assertThat(r.activeAttacks()).as("no attack at %s", r.atMillis()).isEmpty();
        }
        assertThat(results.get(ONSET + 1).active()).extracting(Incident::kind).contains(IncidentKind.FLASH_CROWD);
    }

    /** Runs 500 clients at 0.4 req/s, joined during the attack window by {@code count} new sources at {@code rps} each. */
    private static List<DetectionResult> withNewcomers(int count, double rps) {
        IntFunction<TelemetrySnapshot> tick = i -> Snapshots.of(i, i >= ONSET && i < END
                ? SyntheticPool.legit("web", 200, 500, i).newcomers(count, rps, i < ONSET + 5).build()
                : SyntheticPool.legit("web", 200, 500, i).build());
        return DetectionScenariosTest.run(tick, TICKS);
    }
}
