package org.vmshield.brain.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmshield.brain.detect.Snapshots.at;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentState;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.model.telemetry.TelemetrySnapshot;

/** Table-driven attack scenarios on synthetic telemetry: 60 quiet ticks, then the attack. */
class DetectionScenariosTest {
    static final int ONSET = 60;
    static final int END = 120;
    static final List<String> FIVE_BOTS = SyntheticPool.attackers(5);
    static final List<String> MANY_BOTS = SyntheticPool.attackers(2000);

    record Scenario(String name, IntFunction<TelemetrySnapshot> tick, IncidentKind kind, int maxDelayTicks,
            SourceSpread spread, List<String> sources, String path) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                new Scenario("concentrated flood", i -> Snapshots.of(i, pool(i)
                        .flood(attacking(i) ? FIVE_BOTS : List.of(), 1000).build()),
                        IncidentKind.VOLUMETRIC_FLOOD, 2, SourceSpread.CONCENTRATED, FIVE_BOTS, null),
                new Scenario("distributed flood", i -> Snapshots.of(i, pool(i)
                        .flood(attacking(i) ? MANY_BOTS : List.of(), 5).build()),
                        IncidentKind.VOLUMETRIC_FLOOD, 2, SourceSpread.DISTRIBUTED, null, null),
                new Scenario("connection flood", i -> Snapshots.of(i, pool(i)
                        .connectionFlood(attacking(i) ? FIVE_BOTS : List.of(), 200, 60).build()),
                        IncidentKind.VOLUMETRIC_FLOOD, 2, SourceSpread.CONCENTRATED, FIVE_BOTS, null),
                new Scenario("cost attack on /search", i -> Snapshots.of(i, attacking(i)
                        ? pool(i).costly("/search", 400, "127.66.9.9", 2).build() : pool(i).build()),
                        IncidentKind.COST_ATTACK, 5, SourceSpread.CONCENTRATED, List.of("127.66.9.9"), "/search"),
                new Scenario("slowloris", i -> Snapshots.of(i, attacking(i)
                        ? pool(i).slowloris("127.66.7.7", 400).build() : pool(i).build()),
                        IncidentKind.CONNECTION_EXHAUSTION, 2, SourceSpread.CONCENTRATED, List.of("127.66.7.7"), null))
                .map(Arguments::of);
    }

    static SyntheticPool pool(int i) {
        return SyntheticPool.legit("web", 200, 500, i);
    }

    static boolean attacking(int i) {
        return i >= ONSET && i < END;
    }

    static List<DetectionResult> run(IntFunction<TelemetrySnapshot> tick, int ticks) {
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        List<DetectionResult> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            out.add(engine.tick(tick.apply(i), VmDirectory.empty()));
        }
        return out;
    }

    static List<Incident> opened(List<DetectionResult> results) {
        List<Incident> out = new ArrayList<>();
        results.forEach(r -> out.addAll(r.opened()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void detectsOnTimeNamesTheCulpritsAndResolvesAfterHoldDown(Scenario s) {
        List<DetectionResult> results = run(s.tick(), 200);

        assertThat(opened(results.subList(0, ONSET))).as("nothing before the attack").isEmpty();
        List<Incident> opened = opened(results);
        assertThat(opened).as("one incident of the right kind, nothing else").hasSize(1);
        Incident inc = opened.get(0);
        assertThat(inc.kind()).isEqualTo(s.kind());
        assertThat(inc.isAttack()).isTrue();
        assertThat(inc.startMillis()).isEqualTo(at(ONSET));
        int openedAt = indexOfOpen(results, inc.id());
        assertThat(openedAt - ONSET).as("ticks from onset to detection").isLessThan(s.maxDelayTicks());
        assertThat(inc.target().pool()).isEqualTo("web");
        assertThat(inc.sourceSpread()).isEqualTo(s.spread());
        assertThat(inc.evidence()).isNotEmpty();
        if (s.sources() != null) {
            assertThat(inc.sources()).extracting(SuspectedSource::address)
                    .containsExactlyInAnyOrderElementsOf(s.sources());
        }
        if (s.path() != null) {
            assertThat(inc.paths()).extracting(p -> p.path()).containsExactly(s.path());
        }

        // still active through the attack, then resolved 30 s (hold-down) after the last bad tick
        for (int i = openedAt; i < END; i++) {
            assertThat(results.get(i).active()).extracting(Incident::id).contains(inc.id());
        }
        int resolvedAt = -1;
        for (int i = END; i < results.size(); i++) {
            if (results.get(i).resolved().stream().anyMatch(r -> r.id().equals(inc.id()))) {
                resolvedAt = i;
                break;
            }
        }
        long holdDownTicks = DetectorConfig.DEFAULTS.hysteresis().holdDownMillis() / Snapshots.TICK_MILLIS;
        assertThat(resolvedAt).as("resolved after hold-down").isEqualTo((int) (END - 1 + holdDownTicks));
        assertThat(results.get(results.size() - 1).active()).isEmpty();
    }

    static int indexOfOpen(List<DetectionResult> results, String id) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).opened().stream().anyMatch(o -> o.id().equals(id))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aPoolStarvedOfCpuIsNotACostAttack() {
        // a victim of a saturating neighbour: every path 20 times slower, nothing else changed
        List<DetectionResult> results = run(i -> Snapshots.of(i, attacking(i) ? pool(i).starved(20).build()
                : pool(i).build()), END + 10);
        assertThat(opened(results)).noneMatch(inc -> inc.kind() == IncidentKind.COST_ATTACK);
    }

    @Test
    void aCostAttackOnAStarvedPoolNamesOnlyTheCraftedPath() {
        // the attacked VM: crafted /search requests cost 400 ms and starve the VM (all paths 10x slower)
        List<DetectionResult> results = run(i -> Snapshots.of(i, attacking(i)
                ? pool(i).costly("/search", 400, "127.66.9.9", 2).starved(10).build() : pool(i).build()), END);
        List<Incident> cost = opened(results).stream().filter(inc -> inc.kind() == IncidentKind.COST_ATTACK).toList();
        assertThat(cost).singleElement().satisfies(inc ->
                assertThat(inc.paths()).extracting(p -> p.path()).containsExactly("/search"));
        assertThat(results.get(ONSET + 4).active()).anyMatch(inc -> inc.kind() == IncidentKind.COST_ATTACK);
    }

    @Test
    void aSinglePathPoolSlowedWithOutliersIsNotACostAttack() {
        // the critical neighbour of a saturating VM: clients only ask for /; its mean rises 30x
        // (a few requests wait a second) while its median doubles: a starved VM, not a crafted request
        List<DetectionResult> results = run(i -> Snapshots.of(i, attacking(i)
                ? pool(i).onlyPaths("/").starved(2).pathMean("/", 2.0 * 30).build() : pool(i).onlyPaths("/").build()),
                END + 10);
        assertThat(opened(results)).noneMatch(inc -> inc.kind() == IncidentKind.COST_ATTACK);
    }

    @Test
    void aCraftedPathFirstSeenDuringTheAttackIsNotLearnedAsNormal() {
        // the first crafted request is cheap (the guest had a moment); the next ones cost 400 ms
        // on a VM they slow down 3x: the path has no baseline of its own and must not learn one from
        // the attack
        List<DetectionResult> results = run(i -> {
            SyntheticPool p = pool(i).onlyPaths("/");
            if (i == ONSET) {
                p.newPath("/search", 6, "127.66.9.9", 1);
            } else if (attacking(i)) {
                p.newPath("/search", 400 * 3, "127.66.9.9", 4).starved(3);
            }
            return Snapshots.of(i, p.build());
        }, END);
        List<Incident> cost = opened(results).stream().filter(inc -> inc.kind() == IncidentKind.COST_ATTACK).toList();
        assertThat(cost).singleElement().satisfies(inc ->
                assertThat(inc.paths()).extracting(p -> p.path()).containsExactly("/search"));
        assertThat(results.get(ONSET + 2).active()).anyMatch(inc -> inc.kind() == IncidentKind.COST_ATTACK);
    }

    @Test
    void flashCrowdIsClassifiedAsSuchAndRaisesNoAttack() {
        // 4x the clients arrive at tick 60 and stay for 2 minutes, at the usual per-client rate and path mix
        List<DetectionResult> results = run(i -> Snapshots.of(i,
                i >= ONSET && i < ONSET + 120 ? pool(i).flashCrowd(1500, i < ONSET + 5).build() : pool(i).build()), 260);

        for (DetectionResult r : results) {
            assertThat(r.activeAttacks()).as("no attack at %s", r.atMillis()).isEmpty();
        }
        List<Incident> opened = opened(results);
        assertThat(opened).extracting(Incident::kind).containsOnly(IncidentKind.FLASH_CROWD);
        assertThat(opened).isNotEmpty();
        assertThat(opened.get(0).sources()).as("nobody to block").isEmpty();
        assertThat(results.get(ONSET + 1).active()).extracting(Incident::kind).contains(IncidentKind.FLASH_CROWD);
    }

    @Test
    void pulsingFloodKeepsOneIncidentOpenInsteadOfFlapping() {
        // 10 s on, 10 s off, for 10 minutes
        List<DetectionResult> results = run(i -> Snapshots.of(i, pool(i)
                .flood(i >= ONSET && i < ONSET + 600 && (i - ONSET) % 20 < 10 ? FIVE_BOTS : List.of(), 1000).build()), 720);

        List<Incident> opened = opened(results);
        assertThat(opened).hasSize(1);
        for (int i = ONSET + 1; i < ONSET + 600; i++) {
            assertThat(results.get(i).activeAttacks()).as("tick %s", i).hasSize(1);
        }
        assertThat(results.get(results.size() - 1).active()).as("resolved after the pulses stop").isEmpty();
    }

    @Test
    void pulsesWithPausesLongerThanTheHoldDownReopenOnceThenStayOpen() {
        // 20 s on, 40 s off for 10 minutes: the first pause outlasts the 30 s hold-down, the
        // re-opened incident gets 60 s and outlasts every later pause
        List<DetectionResult> results = run(i -> Snapshots.of(i, pool(i)
                .flood(i >= ONSET && i < ONSET + 600 && (i - ONSET) % 60 < 20 ? FIVE_BOTS : List.of(), 1000).build()), 760);

        List<Incident> opened = opened(results);
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).holdDownMillis()).isEqualTo(2 * DetectorConfig.DEFAULTS.hysteresis().holdDownMillis());
        int reopenedAt = indexOfOpen(results, opened.get(1).id());
        for (int i = reopenedAt; i < ONSET + 600; i++) {
            assertThat(results.get(i).activeAttacks()).as("tick %s", i).hasSize(1);
        }
    }

    @Test
    void oneTickSpikeOpensNothing() {
        List<DetectionResult> results = run(i -> Snapshots.of(i, pool(i)
                .flood(i == ONSET ? FIVE_BOTS : List.of(), 1000).build()), 100);

        assertThat(opened(results)).isEmpty();
    }

    @Test
    void floodDoesNotBecomeTheBaseline() {
        // a 20-minute flood stays detected: the baseline does not learn it
        List<DetectionResult> results = run(i -> Snapshots.of(i, pool(i)
                .flood(i >= ONSET ? FIVE_BOTS : List.of(), 1000).build()), ONSET + 1200);

        assertThat(opened(results)).hasSize(1);
        assertThat(results.get(results.size() - 1).activeAttacks()).hasSize(1);
        Incident inc = results.get(results.size() - 1).activeAttacks().get(0);
        assertThat(inc.evidence().get(0).baseline()).as("baseline of the rate").isLessThan(250);
    }

    @Test
    void markMitigatingMovesAnOpenIncidentAlong() {
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        DetectionResult last = null;
        for (int i = 0; i < ONSET + 3; i++) {
            last = engine.tick(Snapshots.of(i, pool(i).flood(attacking(i) ? FIVE_BOTS : List.of(), 1000).build()),
                    VmDirectory.empty());
        }
        Incident inc = last.active().get(0);
        assertThat(inc.state()).isEqualTo(IncidentState.OPEN);

        assertThat(engine.markMitigating(inc.id(), at(ONSET + 3))).isTrue();
        assertThat(engine.markMitigating("no-such-incident", at(ONSET + 3))).isFalse();
        DetectionResult next = engine.tick(Snapshots.of(ONSET + 3, pool(ONSET + 3).flood(FIVE_BOTS, 1000).build()),
                VmDirectory.empty());

        assertThat(next.active()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(inc.id());
            assertThat(i.state()).isEqualTo(IncidentState.MITIGATING);
            assertThat(i.stateSinceMillis()).isEqualTo(at(ONSET + 3));
        });
    }

    @Test
    void timeGoingBackwardsIsRefused() {
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        engine.tick(Snapshots.of(10, pool(10).build()), VmDirectory.empty());
        int tracked = engine.trackedSeries();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> engine.tick(Snapshots.of(9, SyntheticPool.legit("other", 10, 10, 1).build()), VmDirectory.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: >= previous tick");
        assertThat(engine.trackedSeries()).as("nothing changed").isEqualTo(tracked);
    }

    @Test
    void poolWithoutFiguresIsRefusedAndChangesNothing() {
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        engine.tick(Snapshots.of(10, pool(10).build()), VmDirectory.empty());
        int tracked = engine.trackedSeries();
        var broken = new org.vmshield.model.telemetry.PoolStats("api", "api", null, List.of(),
                org.vmshield.model.telemetry.SourceStats.NONE, List.of(), List.of(), List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> engine.tick(Snapshots.of(11, SyntheticPool.legit("other", 10, 10, 1).build(), broken),
                        VmDirectory.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool api: name, traffic, latency or sources missing (expected: all present)");
        assertThat(engine.trackedSeries()).as("nothing changed").isEqualTo(tracked);
        // and the same tick can still be run with good figures
        assertThat(engine.tick(Snapshots.of(11, pool(11).build()), VmDirectory.empty()).active()).isEmpty();
    }
}
