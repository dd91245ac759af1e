package org.vmshield.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentState;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.VmState;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.TrafficSnapshot;
import org.vmshield.model.telemetry.VmUsage;

/** The paper's scenario through the whole brain: hypervisor telemetry in, a migration plan out. */
class BrainTest {
    private static final long T0 = 1_000_000;
    private static final long TICK = 5_000;

    private static ClusterState cluster() {
        ServiceVersion v1 = new ServiceVersion("1.0", Set.of());
        return ClusterState.of(
                List.of(HostState.of("small", 2, 4096), HostState.of("big", 8, 16384)),
                List.of(VmState.of("web-1", "small", "web", "1.0", 1.0, 512).withUsage(0, 2),
                        VmState.of("bank-1", "small", "bank", "1.0", 1.0, 1024).withCriticality(Criticality.CRITICAL)
                                .withUsage(0, 5)),
                List.of(new ServiceState("web", "web", Criticality.NORMAL, List.of(v1), "", 1, 2),
                        new ServiceState("bank", "bank", Criticality.CRITICAL, List.of(v1), "", 1, 2)),
                MigrationBandwidth.uniform(100));
    }

    private static TelemetrySnapshot snapshot(long at, boolean attacked) {
        double web = attacked ? 1.0 : 0.2;
        double host = attacked ? 2.0 : 0.9;
        return new TelemetrySnapshot(at, TrafficSnapshot.empty(at), new HypervisorSnapshot(at,
                List.of(new HostUsage("small", 2, host, attacked ? 0.4 : 0, 4096, 1600),
                        new HostUsage("big", 8, 0.5, 0, 16384, 100)),
                List.of(new VmUsage("web-1", "small", web, 512, 2), new VmUsage("bank-1", "small", 0.7, 1024, 5))));
    }

    @Test
    void detectsTheSaturationAndPlansAMigrationToTheRoomyHost() {
        Brain brain = Brain.withDefaults();
        ClusterState c = cluster();
        List<BrainTick> ticks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long now = T0 + i * TICK;
            ticks.add(brain.tick(snapshot(now, true), c, now));
        }
        BrainTick planned = ticks.stream().filter(t -> !t.plans().isEmpty()).findFirst().orElseThrow();
        assertThat(planned.incidents()).anySatisfy(i -> assertThat(i.kind()).isEqualTo(IncidentKind.SATURATION));
        List<MigrateVm> moves = planned.planning().actions().stream()
                .filter(MigrateVm.class::isInstance).map(MigrateVm.class::cast).toList();
        assertThat(moves).singleElement().satisfies(m -> {
            assertThat(m.fromHost()).isEqualTo("small");
            assertThat(m.toHost()).isEqualTo("big");
            assertThat(m.vm()).isIn("web-1", "bank-1");
        });
        assertThat(planned.log().get(0).seen()).contains("SATURATION").contains("web-1");
        // The incident that got a plan is now being mitigated.
        assertThat(brain.engine().active()).anySatisfy(i -> assertThat(i.state()).isEqualTo(IncidentState.MITIGATING));
    }

    @Test
    void givesTheSameTicksForTheSameInputs() {
        List<BrainTick> a = run(Brain.withDefaults());
        List<BrainTick> b = run(Brain.withDefaults());
        assertThat(b).isEqualTo(a);
        assertThat(a).anySatisfy(t -> assertThat(t.plans()).isNotEmpty());
    }

    private static List<BrainTick> run(Brain brain) {
        List<BrainTick> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long now = T0 + i * TICK;
            out.add(brain.tick(snapshot(now, i < 8), cluster(), now));
        }
        return out;
    }

    @Test
    void refusesATickBeforeItsSnapshot() {
        Brain brain = Brain.withDefaults();
        assertThatThrownBy(() -> brain.tick(snapshot(T0, true), cluster(), T0 - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowMillis");
    }
}
