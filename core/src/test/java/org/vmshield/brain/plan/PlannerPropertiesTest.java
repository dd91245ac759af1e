package org.vmshield.brain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.VmState;

class PlannerPropertiesTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);

    @Property(tries = 200)
    void noPlanOverCommitsAHost(@ForAll long seed) {
        RandomScenario s = RandomScenario.of(seed);
        ClusterState c = s.cluster();
        Map<String, double[]> incoming = new HashMap<>();
        PlannerResult result = planner.plan(s.incidents(), c, s.nowMillis());
        // Guard against a vacuous property: enough random scenarios must place something.
        Statistics.label("places a VM").collect(result.actions().stream()
                .anyMatch(a -> a instanceof MigrateVm || a instanceof ScaleOut || a instanceof SwitchVersion));
        Statistics.label("places a VM").coverage(k -> k.check(true).percentage(p -> p > 10));
        for (Action a : result.actions()) {
            if (a instanceof MigrateVm m) {
                VmState v = c.vm(m.vm()).orElseThrow();
                add(incoming, m.toHost(), v.cpuCapCores(), v.memoryMiB());
            } else if (a instanceof ScaleOut o) {
                add(incoming, o.host(), o.cpuCapCores(), o.memoryMiB());
            } else if (a instanceof SwitchVersion sw) {
                VmState v = c.vm(sw.vm()).orElseThrow();
                // on its own host the new VM takes over the CPU of the one it replaces; elsewhere it
                // takes its cap, which a smaller host lowers to its own cores
                double cap = Math.min(v.cpuCapCores(), c.host(sw.host()).orElseThrow().cpuCapacityCores());
                add(incoming, sw.host(), sw.host().equals(v.host()) ? 0 : cap, v.memoryMiB());
            }
        }
        for (Map.Entry<String, double[]> e : incoming.entrySet()) {
            HostState h = c.host(e.getKey()).orElseThrow();
            assertThat(h.schedulable()).isTrue();
            assertThat(c.committedCpuCores(h.name()) + e.getValue()[0]).as("cpu of " + h.name())
                    .isLessThanOrEqualTo(h.cpuCapacityCores() + 1e-9);
            assertThat(c.committedMemoryMiB(h.name()) + e.getValue()[1]).as("memory of " + h.name())
                    .isLessThanOrEqualTo(h.memoryCapacityMiB());
        }
    }

    @Property(tries = 200)
    void migrationsRespectOneAtATimePerVmTheirOwnHostAndTheLimits(@ForAll long seed) {
        RandomScenario s = RandomScenario.of(seed);
        ClusterState c = s.cluster();
        Set<String> migrating = new HashSet<>();
        Map<String, Integer> perHost = new HashMap<>();
        int total = 0;
        for (InFlightAction a : c.inFlight()) {
            migrating.add(a.vm());
            if (a.kind() == InFlightKind.MIGRATION) {
                perHost.merge(a.fromHost(), 1, Integer::sum);
                perHost.merge(a.toHost(), 1, Integer::sum);
                total++;
            }
        }
        Map<String, Integer> before = new HashMap<>(perHost);
        int totalBefore = total;
        PlannerResult result = planner.plan(s.incidents(), c, s.nowMillis());
        Statistics.label("migrates").collect(result.actions().stream().anyMatch(a -> a instanceof MigrateVm));
        Statistics.label("migrates").coverage(k -> k.check(true).percentage(p -> p > 5));
        for (Action a : result.actions()) {
            if (a instanceof MigrateVm m) {
                VmState v = c.vm(m.vm()).orElseThrow();
                assertThat(m.toHost()).isNotEqualTo(v.host());
                assertThat(m.fromHost()).isEqualTo(v.host());
                assertThat(migrating.add(m.vm())).as("second migration of " + m.vm()).isTrue();
                assertThat(m.prediction().converges()).isTrue();
                perHost.merge(m.fromHost(), 1, Integer::sum);
                perHost.merge(m.toHost(), 1, Integer::sum);
                total++;
            }
        }
        if (total > totalBefore) {
            assertThat(total).isLessThanOrEqualTo(PlannerConfig.DEFAULTS.maxMigrationsPerCluster());
            perHost.forEach((host, n) -> {
                if (n > before.getOrDefault(host, 0)) {
                    assertThat(n).as("migrations on " + host).isLessThanOrEqualTo(PlannerConfig.DEFAULTS.maxMigrationsPerHost());
                }
            });
        }
    }

    @Property(tries = 200)
    void everyRemovedRuleExisted(@ForAll long seed) {
        RandomScenario s = RandomScenario.of(seed);
        PlannerResult result = planner.plan(s.incidents(), s.cluster(), s.nowMillis());
        Statistics.label("removes a rule").collect(result.actions().stream().anyMatch(a -> a instanceof RemoveFilterRule));
        Statistics.label("removes a rule").coverage(k -> k.check(true).percentage(p -> p > 10));
        for (Action a : result.actions()) {
            if (a instanceof RemoveFilterRule r) {
                assertThat(s.cluster().rule(r.ruleId())).as(r.ruleId()).isPresent();
            }
        }
    }

    @Property(tries = 200)
    void theSameInputGivesTheSamePlan(@ForAll long seed) {
        RandomScenario a = RandomScenario.of(seed);
        RandomScenario b = RandomScenario.of(seed);
        PlannerResult first = planner.plan(a.incidents(), a.cluster(), a.nowMillis());
        PlannerResult second = new Planner(PlannerConfig.DEFAULTS).plan(b.incidents(), b.cluster(), b.nowMillis());
        assertThat(second).isEqualTo(first);
        assertThat(second.renderLog()).isEqualTo(first.renderLog());
    }

    private static void add(Map<String, double[]> m, String host, double cpu, long mem) {
        double[] v = m.computeIfAbsent(host, k -> new double[2]);
        v[0] += cpu;
        v[1] += mem;
    }
}
