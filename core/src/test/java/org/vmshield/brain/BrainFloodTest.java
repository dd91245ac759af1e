package org.vmshield.brain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.VmState;
import org.vmshield.brain.plan.AddFilterRule;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.LatencyMillis;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.SourceStat;
import org.vmshield.model.telemetry.SourceStats;
import org.vmshield.model.telemetry.StatusCounts;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.TrafficSnapshot;
import org.vmshield.model.telemetry.TrafficStats;

/** A flood from three sources through the whole brain: detected, and its sources blocked. */
class BrainFloodTest {
    private static final long T0 = 1_000_000;
    private static final long TICK = 1_000;
    private static final List<String> ATTACKERS = List.of("127.66.0.1", "127.66.0.2", "127.66.0.3");

    private static ClusterState cluster() {
        return ClusterState.of(List.of(HostState.of("h1", 4, 8192)),
                List.of(VmState.of("web-1", "h1", "web", "1.0", 1, 512), VmState.of("web-2", "h1", "web", "1.0", 1, 512)),
                List.of(new ServiceState("web", "web", Criticality.NORMAL, List.of(new ServiceVersion("1.0", Set.of())),
                        "", 1, 4)),
                MigrationBandwidth.uniform(100));
    }

    private static TrafficStats traffic(double rps) {
        return new TrafficStats(rps, 2, new LatencyMillis((long) rps, 3, 5, 8, 20), new StatusCounts(0, (long) rps, 0, 0, 0, 0),
                (long) (rps / 10), rps / 10, rps * 100, rps * 1000);
    }

    private static TelemetrySnapshot snapshot(int i, boolean flood) {
        long at = T0 + i * TICK;
        double legit = 1000 + 10 * (i % 3);
        double attack = flood ? 3 * 3000 : 0;
        List<SourceStat> top = new ArrayList<>();
        if (flood) {
            for (String a : ATTACKERS) {
                top.add(new SourceStat(a, 3000, 2, 0, 0));
            }
        }
        for (int k = 0; k < 10 - top.size(); k++) {
            top.add(new SourceStat("127.1.0." + (k + 1), 2 + 0.1 * k, 1, 0, 0));
        }
        double total = legit + attack;
        PoolStats pool = new PoolStats("web", "web", traffic(total),
                List.of(new BackendStats("web-1", "127.0.0.1:1", "active", 100, true, traffic(total / 2)),
                        new BackendStats("web-2", "127.0.0.1:2", "active", 100, true, traffic(total / 2))),
                new SourceStats(top, top, 500 + (flood ? 3 : 0), 5),
                List.of(new PathStat("/", total, total * 2, 2)), List.of(new PathStat("/", total, total * 2, 2)), List.of());
        return new TelemetrySnapshot(at, new TrafficSnapshot(at, TICK, List.of(pool)), HypervisorSnapshot.empty(at));
    }

    @Test
    void blocksTheFewSourcesOfAFloodWithinTwoTicksOfDetection() {
        Brain brain = Brain.withDefaults();
        ClusterState c = cluster();
        for (int i = 0; i < 20; i++) {
            BrainTick quiet = brain.tick(snapshot(i, false), c, T0 + i * TICK);
            assertThat(quiet.plans()).as("quiet tick %d", i).isEmpty();
        }
        List<AddFilterRule> rules = new ArrayList<>();
        int tick = 20;
        for (; tick < 24 && rules.isEmpty(); tick++) {
            BrainTick t = brain.tick(snapshot(tick, true), c, T0 + tick * TICK);
            t.planning().actions().stream().filter(AddFilterRule.class::isInstance).map(AddFilterRule.class::cast)
                    .forEach(rules::add);
            if (!rules.isEmpty()) {
                assertThat(t.incidents()).anySatisfy(i -> assertThat(i.kind()).isEqualTo(IncidentKind.VOLUMETRIC_FLOOD));
            }
        }
        assertThat(tick - 20).as("ticks from onset to plan").isLessThanOrEqualTo(3);
        assertThat(rules).extracting(r -> r.rule().match()).containsExactlyInAnyOrderElementsOf(ATTACKERS);
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.rule().kind()).isIn(RuleKind.BLOCK_SOURCE, RuleKind.RATE_LIMIT_SOURCE);
            assertThat(r.rule().pool()).isEqualTo("web");
        });
    }
}
