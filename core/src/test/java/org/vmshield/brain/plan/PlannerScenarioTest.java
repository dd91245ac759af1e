package org.vmshield.brain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.vmshield.brain.plan.Fixtures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentTarget;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.model.VmState;
import org.vmshield.brain.model.WeightSetting;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.SourceStats;
import org.vmshield.model.telemetry.TrafficSnapshot;
import org.vmshield.model.telemetry.TrafficStats;

class PlannerScenarioTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);

    private static <T extends Action> List<T> of(PlannerResult r, Class<T> type) {
        return r.actions().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void movesTheAttackedVmToTheRoomyHostWhenItIsCheapToMove() {
        // web-1: 512 MiB, 2 MiB/s dirty -> ~5 s, ~100 ms downtime; relieves web-1 and bank-1.
        ClusterState c = Fixtures.paper(Fixtures.web1(512, 2), Fixtures.bank1(5));
        PlannerResult r = planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), c, T0);

        List<MigrateVm> m = of(r, MigrateVm.class);
        assertThat(m).hasSize(1);
        assertThat(m.get(0).vm()).isEqualTo("web-1");
        assertThat(m.get(0).fromHost()).isEqualTo("small");
        assertThat(m.get(0).toHost()).isEqualTo("big");
        assertThat(m.get(0).prediction().mode()).isEqualTo(MigrationMode.PRE_COPY);
        assertThat(m.get(0).reason()).contains("web-1").contains("small");
        assertThat(r.renderLog()).contains("considered: migrate web-1 from small to big")
                .contains("considered: migrate bank-1 from small to big").contains("chosen: migrate web-1");
    }

    @Test
    void movesTheAttackedVmBeforeSwitchingItsVersionWhenItsCostAttackSaturatesItsHostInTheSameTick() {
        // both open in one tick, equally severe (the demo's mixed attack): cost attack first, the
        // switch tied web-1 up and the critical neighbour was moved instead
        ClusterState c = Fixtures.paper(Fixtures.web1(512, 2), Fixtures.bank1(5));
        PlannerResult r = planner.plan(List.of(Fixtures.costAttack("cost", "/search", SourceSpread.DISTRIBUTED),
                Fixtures.saturation("sat", T0, "web-1", "small")), c, T0);

        assertThat(of(r, MigrateVm.class)).extracting(MigrateVm::vm).containsExactly("web-1");
        assertThat(of(r, SwitchVersion.class)).extracting(SwitchVersion::vm).doesNotContain("web-1");
        assertThat(of(r, AddFilterRule.class)).extracting(a -> a.rule().kind())
                .containsExactly(RuleKind.RATE_LIMIT_PATH, RuleKind.IN_FLIGHT_LIMIT_PATH);
    }

    @Test
    void waitsForTheMigrationUnderWayInsteadOfMovingASecondVm() {
        ClusterState c = Fixtures.paper(Fixtures.web1(512, 2), Fixtures.bank1(5)).withControl(List.of(), List.of(),
                List.of(new InFlightAction("m1", InFlightKind.MIGRATION, "bank-1", "small", "big", "sat", T0 - 2000)));
        PlannerResult r = planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), c, T0);

        assertThat(of(r, MigrateVm.class)).isEmpty();
        assertThat(r.renderLog()).contains("migration of bank-1 off small is under way");
    }

    @Test
    void movesTheCriticalNeighbourInsteadWhenTheAttackedVmIsCostlyToMove() {
        // web-1: 1 GiB dirtying 70 MiB/s -> 10 rounds, 33.5 s, 289 ms downtime: score 70 - 45 = 25.
        // bank-1 at 5 MiB/s: 10.8 s, 26 ms: score 50 - 13.3 = 36.7.
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 70), Fixtures.bank1(5));
        PlannerResult r = planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), c, T0);

        List<MigrateVm> m = of(r, MigrateVm.class);
        assertThat(m).singleElement().satisfies(a -> {
            assertThat(a.vm()).isEqualTo("bank-1");
            assertThat(a.toHost()).isEqualTo("big");
        });
        assertThat(r.log().get(0).considered()).hasSize(2).allMatch(ConsideredOption::feasible);
    }

    @Test
    void choosesTheHostLeavingTheMostHeadroomThatFitsMemoryAndAntiAffinity() {
        HostState bigFull = new HostState("big", 8, 16384, 1.0, 16000, 0, java.util.Set.of(), true);
        HostState roomy = new HostState("roomy", 6, 8192, 1.0, 0, 0, java.util.Set.of("noisy"), true);
        HostState spare = new HostState("spare", 3, 8192, 0.5, 0, 0, java.util.Set.of(), true);
        ClusterState c = new ClusterState(List.of(Fixtures.small(), Fixtures.medium(), bigFull, roomy, spare),
                List.of(Fixtures.web1(512, 2).withAntiAffinity(List.of("noisy")), Fixtures.bank1(5), Fixtures.web2()),
                List.of(Fixtures.web(), Fixtures.bank()), List.of(), List.of(), List.of(),
                org.vmshield.brain.model.MigrationBandwidth.uniform(100));
        PlannerResult r = planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), c, T0);
        // big has no memory, roomy carries a label web-1 avoids: spare (2.5 cores free) beats medium (1).
        assertThat(of(r, MigrateVm.class)).singleElement().satisfies(a -> {
            assertThat(a.vm()).isEqualTo("web-1");
            assertThat(a.toHost()).isEqualTo("spare");
        });
    }

    @Test
    void startsNoMigrationThatIsPredictedNotToConverge() {
        // Both VMs dirty memory faster than the 100 MiB/s link: pre-copy never converges.
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 150), Fixtures.bank1(120));
        PlannerResult r = planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), c, T0);

        assertThat(of(r, MigrateVm.class)).isEmpty();
        assertThat(r.log().get(0).considered()).noneMatch(ConsideredOption::feasible)
                .filteredOn(o -> o.name().startsWith("migrate")).hasSize(2)
                .allMatch(o -> o.note().contains("not to converge"));
        assertThat(r.log().get(0).chosen()).isEqualTo("nothing");
    }

    @Test
    void shiftsTrafficAwayFromTheSaturatedVmWhenNoMigrationCanHelp() {
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 150), Fixtures.bank1(120));
        TrafficSnapshot traffic = new TrafficSnapshot(T0, 1000, List.of(new PoolStats("web", "web", TrafficStats.idle(),
                List.of(new BackendStats("web-1", "127.0.0.1:1", "active", 100, true, TrafficStats.idle()),
                        new BackendStats("web-2", "127.0.0.1:2", "active", 100, true, TrafficStats.idle())),
                SourceStats.NONE, List.of(), List.of(), List.of())));
        PlannerResult r = planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), c, traffic, T0);

        assertThat(of(r, MigrateVm.class)).isEmpty();
        assertThat(of(r, SetWeight.class)).singleElement().satisfies(w -> {
            assertThat(w.backendId()).isEqualTo("web-1");
            assertThat(w.weight()).isEqualTo(25);
            assertThat(w.originalWeight()).isEqualTo(100);
        });
        // Once lowered, it is not lowered again.
        ClusterState lowered = c.withControl(List.of(), List.of(new WeightSetting("web", "web-1", 25, 100, "sat")),
                List.of());
        assertThat(planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), lowered, traffic, T0 + 5000)
                .actions()).isEmpty();
    }

    @Test
    void migratesANonConvergingVmWhenAutoConvergeIsAllowed() {
        // 256 MiB at 110 MiB/s over 100 MiB/s: throttled up to 60% it converges in 7 rounds, ~11 s.
        ClusterState c = Fixtures.paper(Fixtures.web1(256, 110).withMigration(new MigrationOptions(true, false)),
                Fixtures.bank1(120));
        PlannerResult r = planner.plan(List.of(Fixtures.saturation("sat", T0, "web-1", "small")), c, T0);

        assertThat(of(r, MigrateVm.class)).singleElement().satisfies(a -> {
            assertThat(a.vm()).isEqualTo("web-1");
            assertThat(a.prediction().mode()).isEqualTo(MigrationMode.AUTO_CONVERGE);
            assertThat(a.options().allowAutoConverge()).isTrue();
        });
    }

    @Test
    void movesTheAttackedVmFirstWhenItsCostAttackOpensATickBeforeTheSaturation() {
        // small is contended and carries critical bank-1: web-1's switch (a boot that ties it up)
        // waits for the saturation, which moves web-1 off small; web-2, on a quiet host, switches at once
        ClusterState c = Fixtures.paper(Fixtures.web1(512, 2), Fixtures.bank1(5));
        Incident cost = Fixtures.costAttack("cost", "/search", SourceSpread.DISTRIBUTED);
        PlannerResult first = planner.plan(List.of(cost), c, T0);

        assertThat(of(first, SwitchVersion.class)).extracting(SwitchVersion::vm).containsExactly("web-2");
        assertThat(of(first, AddFilterRule.class)).extracting(a -> a.rule().kind())
                .containsExactly(RuleKind.RATE_LIMIT_PATH, RuleKind.IN_FLIGHT_LIMIT_PATH);
        assertThat(first.renderLog()).contains("switch of web-1 deferred").contains("critical bank-1");

        PlannerResult next = planner.plan(List.of(cost, Fixtures.saturation("sat", T0 + 500, "web-1", "small")), c, T0 + 500);
        assertThat(of(next, MigrateVm.class)).extracting(MigrateVm::vm).containsExactly("web-1");
        assertThat(of(next, SwitchVersion.class)).extracting(SwitchVersion::vm).doesNotContain("web-1");
    }

    @Test
    void switchesVulnerableVmsToThePatchedVersionWhenTheFlawIsKnown() {
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5));
        // web-1's host is contended next to a critical VM: without a saturation to move web-1 first,
        // its switch goes ahead once the deferral is over
        PlannerResult r = planner.plan(List.of(Fixtures.costAttack("cost", "/search", SourceSpread.DISTRIBUTED)), c,
                T0 + VersionSwitchChooser.DEFER_FOR_MOVE_MILLIS);

        List<SwitchVersion> s = of(r, SwitchVersion.class);
        assertThat(s).extracting(SwitchVersion::vm).containsExactly("web-1", "web-2");
        assertThat(s).allSatisfy(a -> {
            assertThat(a.fromVersion()).isEqualTo("1.0");
            assertThat(a.toVersion()).isEqualTo("1.1");
            assertThat(a.steps()).containsExactly(SwitchStep.START_NEW, SwitchStep.CHECK_HEALTH,
                    SwitchStep.SHIFT_TRAFFIC, SwitchStep.DRAIN_OLD, SwitchStep.STOP_OLD);
        });
        // small is full, so web-1's replacement starts on big; medium has exactly one core for web-2's.
        assertThat(s).extracting(SwitchVersion::host).containsExactly("big", "medium");
        // the switches take a boot each: the path is limited meanwhile (rate and requests in flight),
        // nothing else is filtered
        assertThat(of(r, AddFilterRule.class)).extracting(a -> a.rule().kind())
                .containsExactly(RuleKind.RATE_LIMIT_PATH, RuleKind.IN_FLIGHT_LIMIT_PATH);
        assertThat(of(r, AddFilterRule.class)).allSatisfy(a -> {
            assertThat(a.rule().match()).isEqualTo("/search");
            assertThat(a.rule().limit()).isGreaterThanOrEqualTo(1);
            assertThat(a.reason()).contains("until the switch");
        });
    }

    @Test
    void limitsTheConnectionsOfSlowlorisSourcesEvenWhenTheyHoldLessThanHalfThePool() {
        // 10 named sources of a slowloris from 20, each holding 10 idle connections of 210 open
        List<SuspectedSource> sources = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            sources.add(new SuspectedSource("127.66.0." + i, 0, 10, 10, 10 / 210.0));
        }
        Incident slowloris = Fixtures.incident("conn", IncidentKind.CONNECTION_EXHAUSTION,
                IncidentTarget.pool("web", "web"), T0, SourceSpread.CONCENTRATED, sources,
                List.of(), Optional.empty(), 0.9);
        PlannerResult r = planner.plan(List.of(slowloris), Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)), T0);

        assertThat(of(r, AddFilterRule.class)).hasSize(10).allSatisfy(a -> {
            assertThat(a.rule().kind()).isEqualTo(RuleKind.CONNECTION_LIMIT_SOURCE);
            assertThat(a.rule().limit()).isEqualTo(8);
        });
        assertThat(of(r, ScaleOut.class)).isEmpty();
    }

    @Test
    void limitsTheConnectionsOfAConnectionFloodFromManySources() {
        // 20 of 30 sources named, each holding 10 connections and sending nothing: distributed, but
        // a connection limit is safe and replicas would not help
        List<SuspectedSource> sources = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            sources.add(new SuspectedSource("127.66.1." + i, 0, 10, 0, 10 / 310.0));
        }
        Incident flood = Fixtures.incident("cflood", IncidentKind.VOLUMETRIC_FLOOD, IncidentTarget.pool("web", "web"), T0,
                SourceSpread.DISTRIBUTED, sources, List.of(), Optional.empty(), 0.9);
        PlannerResult r = planner.plan(List.of(flood), Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)), T0);

        assertThat(of(r, AddFilterRule.class)).hasSize(20)
                .allSatisfy(a -> assertThat(a.rule().kind()).isEqualTo(RuleKind.CONNECTION_LIMIT_SOURCE));
        assertThat(of(r, ScaleOut.class)).isEmpty();
    }

    @Test
    void doesNotBlockFloodSourcesCarryingLessThanHalfThePool() {
        Incident flood = Fixtures.flood("flood", SourceSpread.CONCENTRATED, 0.95, 0.1, 0.1, 0.1);
        PlannerResult r = planner.plan(List.of(flood), Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)), T0);

        assertThat(of(r, AddFilterRule.class)).isEmpty();
    }

    @Test
    void bootsTheNewVersionOnASmallerIdleHostRatherThanNextToTheBusyOldOne() {
        // web-1 (2 vCPUs, capped at 2 cores) fills its host; no host has 2 cores free, but "tiny"
        // has its one core idle: the new VM boots there (cap 1), not next to the old one
        HostState tiny = new HostState("tiny", 1, 4096, 0, 0, 0, Set.of(), true);
        VmState web1 = VmState.of("web-1", "small", "web", "1.0", 2.0, 1024).withUsage(2.0, 30);
        ClusterState c = ClusterState.of(
                List.of(Fixtures.small().withUsage(2.0, 1024, 0.3), Fixtures.medium().withUsage(4.0, 2048, 0.3),
                        Fixtures.big().withUsage(8.0, 1024, 0.3), tiny),
                List.of(web1, Fixtures.web2()), List.of(Fixtures.web(), Fixtures.bank()), MigrationBandwidth.uniform(100));
        PlannerResult r = planner.plan(List.of(Fixtures.costAttack("cost", "/search", SourceSpread.DISTRIBUTED)), c, T0);

        assertThat(of(r, SwitchVersion.class)).extracting(SwitchVersion::vm, SwitchVersion::host)
                .contains(tuple("web-1", "tiny"));
    }

    @Test
    void switchesOnTheVmsOwnHostWhenNoHostHasItsCpuFree() {
        // every host busy: the attacked VM's own host still has the memory for both during the
        // switch, and there the new VM takes over the old one's CPU
        ClusterState c = ClusterState.of(
                List.of(Fixtures.small(), Fixtures.medium().withUsage(4.0, 2048, 0.3),
                        Fixtures.big().withUsage(8.0, 1024, 0.3)),
                List.of(Fixtures.web1(1024, 30), Fixtures.bank1(5), Fixtures.web2()),
                List.of(Fixtures.web(), Fixtures.bank()), MigrationBandwidth.uniform(100));
        PlannerResult r = planner.plan(List.of(Fixtures.costAttack("cost", "/search", SourceSpread.DISTRIBUTED)), c,
                T0 + VersionSwitchChooser.DEFER_FOR_MOVE_MILLIS);

        assertThat(of(r, SwitchVersion.class)).extracting(SwitchVersion::vm, SwitchVersion::host)
                .containsExactly(tuple("web-1", "small"),
                        tuple("web-2", "medium"));
    }

    @Test
    void rateLimitsThePathWhenTheCostAttackMatchesNoKnownFlaw() {
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5));
        PlannerResult r = planner.plan(List.of(Fixtures.costAttack("cost", "/report", SourceSpread.DISTRIBUTED)), c, T0);

        assertThat(of(r, SwitchVersion.class)).isEmpty();
        // 6 req/s at 400 ms against a 20 ms baseline: floor(6 * 20/400) = 0 -> at least 1 req/s;
        // in flight: ceil(2 * 1 req/s * 20 ms) = 1, so that no backlog of them builds at the backend.
        assertThat(of(r, AddFilterRule.class)).extracting(a -> a.rule().kind(), a -> a.rule().match(), a -> a.rule().limit())
                .containsExactly(tuple(RuleKind.RATE_LIMIT_PATH, "/report", 1.0),
                        tuple(RuleKind.IN_FLIGHT_LIMIT_PATH, "/report", 1.0));
    }

    @Test
    void neverLimitsAPathThatGetsItsUsualRateWhenEachOfItsRequestsIsSlower() {
        // seen in the demo right after a migration: the service's main path at 46 req/s (its normal
        // 40), 306 ms each against 13 ms: a slow backend, not crafted requests; a limit to 2 req/s and
        // 1 in flight refused 96 % of the legitimate clients
        Incident slow = Fixtures.incident("cost", IncidentKind.COST_ATTACK, IncidentTarget.pool("web", "web"), T0,
                SourceSpread.DISTRIBUTED, List.of(), List.of(new SuspectedPath("/", 46, 306, 13.5, 14_076, 40)),
                Optional.empty(), 0.64);
        PlannerResult r = planner.plan(List.of(slow), Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)), T0);

        assertThat(of(r, AddFilterRule.class)).isEmpty();
        assertThat(r.renderLog()).contains("limit path /: ruled out (46.0 req/s against 40.0 normally");
    }

    @Test
    void limitsTheCostliestPathOfAnIncidentNotTheOneNamedLast() {
        // after a migration the incident named / (a surge of a flood's requests, each slower on the
        // busy VM) before /search, the crafted path it named first
        Incident cost = Fixtures.incident("cost", IncidentKind.COST_ATTACK, IncidentTarget.pool("web", "web"), T0,
                SourceSpread.DISTRIBUTED, List.of(), List.of(new SuspectedPath("/", 50, 306, 13.5, 15_300, 20),
                        new SuspectedPath("/report", 0.1, 2968, 3, 297, 0)), Optional.empty(), 0.9);
        PlannerResult r = planner.plan(List.of(cost), Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)), T0);

        assertThat(of(r, AddFilterRule.class)).extracting(a -> a.rule().match()).containsOnly("/report");
    }

    @Test
    void keepsAPathsNormalRateWhenItLimitsASurgeOfCostlyRequestsOnIt() {
        // 120 req/s on a path that normally gets 40, at 200 ms each against 10 ms: the cost-neutral
        // rate (6 req/s) would refuse its usual clients; it keeps 1.5 x 40, and room in flight for
        // them at today's cost
        Incident surge = Fixtures.incident("cost", IncidentKind.COST_ATTACK, IncidentTarget.pool("web", "web"), T0,
                SourceSpread.DISTRIBUTED, List.of(), List.of(new SuspectedPath("/report", 120, 200, 10, 24_000, 40)),
                Optional.empty(), 0.9);
        PlannerResult r = planner.plan(List.of(surge), Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)), T0);

        assertThat(of(r, AddFilterRule.class)).extracting(a -> a.rule().kind(), a -> a.rule().limit())
                .containsExactly(tuple(RuleKind.RATE_LIMIT_PATH, 60.0), tuple(RuleKind.IN_FLIGHT_LIMIT_PATH, 24.0));
    }

    @Test
    void limitsAPathWithoutANormalOfItsOwnToATenthOfACoreOfBackendTime() {
        // the demo's cost attack: 4 crafted /search per second at 874 ms each (against the pool's
        // typical 3 ms), on a path that had no normal traffic: 100 ms/s / 874 ms = 0.11 req/s, one in flight
        Incident cost = Fixtures.incident("cost", IncidentKind.COST_ATTACK, IncidentTarget.pool("web", "web"), T0,
                SourceSpread.DISTRIBUTED, List.of(new SuspectedSource("127.66.1.1", 4, 2, 0, 0.2)),
                List.of(new SuspectedPath("/report", 4, 874, 3, 3496, 0)), Optional.empty(), 0.9);
        PlannerResult r = planner.plan(List.of(cost), Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)), T0);

        assertThat(of(r, AddFilterRule.class)).extracting(a -> a.rule().kind(), a -> a.rule().limit())
                .containsExactly(tuple(RuleKind.RATE_LIMIT_PATH, 0.11), tuple(RuleKind.IN_FLIGHT_LIMIT_PATH, 1.0));
        assertThat(r.log().get(0).considered()).anyMatch(o -> o.note().contains("no normal traffic: 100 ms/s at most"));
    }

    @Test
    void filtersConcentratedSourcesWithRulesThatExpire() {
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5));
        PlannerResult r = planner.plan(List.of(Fixtures.flood("flood", SourceSpread.CONCENTRATED, 0.9, 0.4, 0.3, 0.1)),
                c, T0);

        List<AddFilterRule> rules = of(r, AddFilterRule.class);
        assertThat(rules).extracting(a -> a.rule().match()).containsExactly("127.66.0.1", "127.66.0.2", "127.66.0.3");
        assertThat(rules).allSatisfy(a -> {
            assertThat(a.rule().kind()).isEqualTo(RuleKind.BLOCK_SOURCE);
            assertThat(a.rule().pool()).isEqualTo("web");
            assertThat(a.rule().expiresAtMillis()).isEqualTo(T0 + PlannerConfig.DEFAULTS.ruleTtlMillis());
            assertThat(a.incidentId()).isEqualTo("flood");
        });
        assertThat(of(r, ScaleOut.class)).isEmpty();

        // Next tick with the rules in force: nothing new, nothing duplicated.
        ClusterState withRules = c.withControl(rules.stream().map(AddFilterRule::rule).toList(), List.of(), List.of());
        PlannerResult again = planner.plan(List.of(Fixtures.flood("flood", SourceSpread.CONCENTRATED, 0.9, 0.4, 0.3, 0.1)),
                withRules, T0 + 5_000);
        assertThat(again.actions()).isEmpty();
        assertThat(again.renderLog()).contains("already in force");
    }

    @Test
    void rateLimitsRatherThanBlocksWhenConfidenceIsLow() {
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5));
        PlannerResult r = planner.plan(List.of(Fixtures.flood("flood", SourceSpread.CONCENTRATED, 0.6, 0.7)), c, T0);
        assertThat(of(r, AddFilterRule.class)).singleElement()
                .satisfies(a -> assertThat(a.rule().kind()).isEqualTo(RuleKind.RATE_LIMIT_SOURCE));
    }

    @Test
    void scalesOutInsteadOfFilteringDistributedFloodsAndFlashCrowds() {
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5));
        for (Incident i : List.of(Fixtures.flood("flood", SourceSpread.DISTRIBUTED, 0.9, 0.01, 0.01),
                Fixtures.flashCrowd("crowd"))) {
            PlannerResult r = planner.plan(List.of(i), c, T0);
            assertThat(of(r, AddFilterRule.class)).as(i.id()).isEmpty();
            assertThat(of(r, ScaleOut.class)).as(i.id()).singleElement().satisfies(a -> {
                assertThat(a.service()).isEqualTo("web");
                assertThat(a.newVm()).isEqualTo("web-r3");
                assertThat(a.version()).isEqualTo("1.1");
                assertThat(a.host()).isEqualTo("big");
            });
        }
        PlannerResult crowd = planner.plan(List.of(Fixtures.flashCrowd("crowd")), c, T0);
        assertThat(crowd.renderLog()).contains("flash crowd").contains("ruled out");

        // A replica started for the crowd a minute ago: no second one before the cooldown.
        ClusterState started = c.withChanges(List.of(new org.vmshield.brain.model.IncidentChange("crowd",
                org.vmshield.brain.model.ChangeKind.SCALED_OUT, "web-r3", "", T0 - 60_000)));
        assertThat(of(planner.plan(List.of(Fixtures.flashCrowd("crowd")), started, T0), ScaleOut.class)).isEmpty();
        assertThat(of(planner.plan(List.of(Fixtures.flashCrowd("crowd")), started, T0 + 60_000), ScaleOut.class))
                .hasSize(1);
    }

    @Test
    void removesTheRulesOfAnIncidentThatIsOverAndKeepsTheOthers() {
        ClusterState c = Fixtures.paper(Fixtures.web1(1024, 30), Fixtures.bank1(5)).withControl(List.of(
                new FilterRule("old/BLOCK_SOURCE/127.66.0.1", RuleKind.BLOCK_SOURCE, "web", "127.66.0.1", 0, "old", T0 + 1),
                new FilterRule("live/BLOCK_SOURCE/127.66.0.9", RuleKind.BLOCK_SOURCE, "web", "127.66.0.9", 0, "flood",
                        T0 + 600_000),
                new FilterRule("manual", RuleKind.BLOCK_SOURCE, "web", "10.0.0.0/8", 0, "", Long.MAX_VALUE)),
                List.of(), List.of());
        Incident flood = Fixtures.flood("flood", SourceSpread.DISTRIBUTED, 0.9, 0.01);
        PlannerResult r = planner.plan(List.of(flood, Fixtures.resolved(Fixtures.flood("old",
                SourceSpread.CONCENTRATED, 0.9, 0.5), T0 - 1000)), c, T0);
        assertThat(of(r, RemoveFilterRule.class)).extracting(RemoveFilterRule::ruleId)
                .containsExactly("old/BLOCK_SOURCE/127.66.0.1");
        assertThat(r.renderLog()).contains("incident old").contains("chosen: undo");
    }
}
