package org.vmshield.brain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmshield.brain.plan.Fixtures.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.model.VmState;
import org.vmshield.brain.model.WeightSetting;

class DeescalationTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final Incident sat = Fixtures.saturation("sat", T0, "web-1", "small");

    /** web-1 was moved small -> big for "sat" ten minutes before T0; a replica web-r3 was started for it. */
    private ClusterState afterMitigation() {
        VmState moved = Fixtures.web1(512, 2).migratedTo("big", T0 - 600_000);
        VmState replica = VmState.of("web-r3", "medium", "web", "1.1", 0.5, 512);
        ClusterState c = Fixtures.paper(moved, Fixtures.bank1(5));
        List<VmState> vms = new java.util.ArrayList<>(c.vms());
        vms.add(replica);
        // small's measured use fell to bank-1's share once web-1 left.
        List<org.vmshield.brain.model.HostState> hosts = List.of(Fixtures.small().withUsage(1.0, 1024, 0),
                Fixtures.medium(), Fixtures.big());
        return c.withPlacement(hosts, vms)
                .withControl(List.of(), List.of(new WeightSetting("web", "web-1", 10, 100, "sat")), List.of())
                .withChanges(List.of(new IncidentChange("sat", ChangeKind.MIGRATED, "web-1", "small", T0 - 600_000),
                        new IncidentChange("sat", ChangeKind.SCALED_OUT, "web-r3", "", T0 - 590_000)));
    }

    @Test
    void keepsEverythingWhileTheIncidentIsActive() {
        PlannerResult r = planner.plan(List.of(sat), afterMitigation(), T0);
        assertThat(r.actions()).noneMatch(a -> a instanceof MigrateVm m && m.back())
                .noneMatch(a -> a instanceof ScaleIn).noneMatch(a -> a instanceof SetWeight);
    }

    @Test
    void restoresWeightsAtOnceButMovesBackOnlyAfterTheHoldDown() {
        long resolvedAt = T0 - 60_000; // less than the 120 s hold-down ago
        PlannerResult early = planner.plan(List.of(Fixtures.resolved(sat, resolvedAt)), afterMitigation(), T0);
        assertThat(early.actions()).singleElement().isInstanceOfSatisfying(SetWeight.class, w -> {
            assertThat(w.backendId()).isEqualTo("web-1");
            assertThat(w.weight()).isEqualTo(100);
        });

        PlannerResult later = planner.plan(List.of(Fixtures.resolved(sat, resolvedAt)), afterMitigation(),
                resolvedAt + PlannerConfig.DEFAULTS.deescalationHoldDownMillis());
        assertThat(later.actions()).hasSize(3);
        assertThat(later.actions()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(MigrateVm.class, m -> {
            assertThat(m.back()).isTrue();
            assertThat(m.vm()).isEqualTo("web-1");
            assertThat(m.fromHost()).isEqualTo("big");
            assertThat(m.toHost()).isEqualTo("small");
        }));
        assertThat(later.actions()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(ScaleIn.class,
                s -> assertThat(s.vm()).isEqualTo("web-r3")));
    }

    @Test
    void doesNotMoveBackWhenTheHomeHostHasNoRoom() {
        // small is now full with bank-1 and another 3 GiB VM.
        ClusterState c = afterMitigation();
        List<VmState> vms = new java.util.ArrayList<>(c.vms());
        vms.add(VmState.of("filler", "small", "bank", "1.0", 0.1, 3072));
        c = c.withPlacement(c.hosts(), vms);
        PlannerResult r = planner.plan(List.of(), c, T0);
        assertThat(r.actions()).noneMatch(a -> a instanceof MigrateVm);
        assertThat(r.renderLog()).contains("migrate web-1 back to small: ruled out").contains("MiB free");
    }
}
