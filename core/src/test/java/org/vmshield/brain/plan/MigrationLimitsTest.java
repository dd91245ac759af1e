package org.vmshield.brain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmshield.brain.plan.Fixtures.T0;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.HurtNeighbour;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentTarget;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.VmState;

/** Eight saturated small hosts at once, four roomy ones: the per-host and per-cluster limits hold. */
class MigrationLimitsTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);

    private static ClusterState cluster() {
        List<HostState> hosts = new ArrayList<>();
        List<VmState> vms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            hosts.add(new HostState("small-" + i, 2, 4096, 2, 2048, 0.4, Set.of(), true));
            vms.add(VmState.of("web-" + i, "small-" + i, "web", "1.0", 1, 512).withUsage(1, 2));
            vms.add(VmState.of("bank-" + i, "small-" + i, "bank", "1.0", 1, 1024).withCriticality(Criticality.CRITICAL)
                    .withUsage(0.9, 5));
        }
        for (int i = 0; i < 4; i++) {
            hosts.add(HostState.of("big-" + i, 32, 65536));
        }
        List<ServiceVersion> v = List.of(new ServiceVersion("1.0", Set.of()));
        return ClusterState.of(hosts, vms, List.of(new ServiceState("web", "web", Criticality.NORMAL, v, "", 1, 20),
                new ServiceState("bank", "bank", Criticality.CRITICAL, v, "", 1, 20)), MigrationBandwidth.uniform(100));
    }

    private static List<Incident> saturations() {
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SaturationDetail d = new SaturationDetail("web-" + i, "small-" + i, 1, 1, 2, 2, 0.4,
                    List.of(new HurtNeighbour("bank-" + i, "bank", Criticality.CRITICAL, 0.9, 3)));
            out.add(Fixtures.incident("sat-" + i, IncidentKind.SATURATION,
                    IncidentTarget.vm("web-" + i, "small-" + i, "web", "web"), T0, SourceSpread.UNKNOWN, List.of(),
                    List.of(), Optional.of(d), 0.9));
        }
        return out;
    }

    private static List<MigrateVm> migrations(PlannerResult r) {
        return r.actions().stream().filter(MigrateVm.class::isInstance).map(MigrateVm.class::cast).toList();
    }

    @Test
    void startsAtMostFiveMigrationsAndAtMostTwoPerHost() {
        PlannerResult r = planner.plan(saturations(), cluster(), T0);
        List<MigrateVm> m = migrations(r);
        assertThat(m).hasSize(5);
        Map<String, Integer> perHost = new HashMap<>();
        for (MigrateVm a : m) {
            perHost.merge(a.fromHost(), 1, Integer::sum);
            perHost.merge(a.toHost(), 1, Integer::sum);
        }
        assertThat(perHost.values()).allMatch(n -> n <= 2);
        assertThat(r.renderLog()).contains("cluster already runs 5 migrations (limit 5)");
    }

    @Test
    void countsMigrationsInFlightAgainstTheLimits() {
        ClusterState c = cluster().withControl(List.of(), List.of(), List.of(
                new InFlightAction("m1", InFlightKind.MIGRATION, "web-0", "small-0", "big-0", "sat-0", T0 - 1000),
                new InFlightAction("m2", InFlightKind.MIGRATION, "web-1", "small-1", "big-0", "sat-1", T0 - 1000),
                new InFlightAction("m3", InFlightKind.MIGRATION, "web-2", "small-2", "big-1", "sat-2", T0 - 1000)));
        List<MigrateVm> m = migrations(planner.plan(saturations(), c, T0));
        assertThat(m).hasSize(2);
        // big-0 already carries two migrations; small-0..2 are being relieved by the migrations
        // under way, so neither their attacked VMs nor their neighbours move a second time
        assertThat(m).noneMatch(a -> a.toHost().equals("big-0")).noneMatch(a -> a.vm().matches("(web|bank)-[012]"));
    }

    @Test
    void movesTheNeighbourWhenTheAttackedVmIsInCooldown() {
        ClusterState c = cluster();
        c = c.withVm(c.vm("web-0").orElseThrow().migratedTo("small-0", T0 - 60_000));
        PlannerResult r = planner.plan(List.of(saturations().get(0)), c, T0);
        assertThat(migrations(r)).singleElement().satisfies(a -> assertThat(a.vm()).isEqualTo("bank-0"));
        assertThat(r.renderLog()).contains("vm web-0 in cooldown: migrated 60 s ago (cooldown 300 s)");
    }
}
