package org.vmshield.brain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.model.VmState;

/**
 * The "migrant attack": an on/off attacker that hops between two web VMs for an hour, ticking
 * every 10 s. Each pulse saturates its target on whatever host it now runs, hurting the critical
 * bank VM. Migrations (and migrations back) are applied instantly between ticks.
 */
class PulsingAttackerTest {
    private static final long TICK = 10_000;
    private static final long HOUR = 3_600_000;
    private static final long ON = 120_000;
    private static final long PERIOD = 300_000;
    private static final long HOLD_DOWN = 30_000;

    @Test
    void aPulsingTargetHoppingAttackerCausesNoMoreMigrationsThanTheBudgetAllows() {
        PlannerConfig config = PlannerConfig.DEFAULTS;
        Map<String, List<Long>> migrations = simulate(config);

        assertThat(migrations.values().stream().mapToInt(List::size).sum()).isPositive();
        for (Map.Entry<String, List<Long>> e : migrations.entrySet()) {
            List<Long> times = e.getValue();
            assertThat(times).as(e.getKey()).hasSizeLessThanOrEqualTo(config.migrationBudgetPerVm());
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1)).as(e.getKey()).isGreaterThanOrEqualTo(config.vmCooldownMillis());
            }
        }
    }

    @Test
    void withoutTheLimitsTheSameAttackerMakesTheClusterThrash() {
        PlannerConfig unlimited = PlannerConfig.DEFAULTS.withMigrationLimits(2, 5, 0, 10_000, HOUR);
        Map<String, List<Long>> migrations = simulate(unlimited);
        int most = migrations.values().stream().mapToInt(List::size).max().orElse(0);
        assertThat(most).isGreaterThan(PlannerConfig.DEFAULTS.migrationBudgetPerVm());
    }

    private static Map<String, List<Long>> simulate(PlannerConfig config) {
        Planner planner = new Planner(config);
        ClusterState c = Fixtures.paper(Fixtures.web1(512, 2), Fixtures.bank1(5));
        Map<String, List<Long>> migrations = new HashMap<>();
        Map<Long, Incident> byPulse = new HashMap<>();
        for (long now = Fixtures.T0; now < Fixtures.T0 + HOUR; now += TICK) {
            long sinceStart = now - Fixtures.T0;
            long pulse = sinceStart / PERIOD;
            long pulseStart = Fixtures.T0 + pulse * PERIOD;
            boolean on = sinceStart % PERIOD < ON;
            String target = pulse % 2 == 0 ? "web-1" : "web-2";
            List<Incident> incidents = new ArrayList<>();
            if (on) {
                VmState vm = c.vm(target).orElseThrow();
                Incident inc = Fixtures.saturation("sat@" + pulseStart, pulseStart, target, vm.host());
                byPulse.put(pulseStart, inc);
                incidents.add(inc);
            }
            for (Map.Entry<Long, Incident> e : byPulse.entrySet()) {
                long resolvedAt = e.getKey() + ON + HOLD_DOWN;
                if (!(on && e.getKey() == pulseStart) && now >= resolvedAt && now - resolvedAt < 600_000) {
                    incidents.add(Fixtures.resolved(e.getValue(), resolvedAt));
                } else if (!(on && e.getKey() == pulseStart) && now < resolvedAt) {
                    incidents.add(e.getValue()); // quiet but not yet resolved: still active
                }
            }
            PlannerResult r = planner.plan(incidents, c, now);
            c = apply(c, r, now, migrations);
        }
        return migrations;
    }

    private static ClusterState apply(ClusterState c, PlannerResult r, long now, Map<String, List<Long>> migrations) {
        List<IncidentChange> changes = new ArrayList<>(c.changes());
        for (Action a : r.actions()) {
            if (a instanceof MigrateVm m) {
                VmState vm = c.vm(m.vm()).orElseThrow();
                assertThat(vm.host()).isEqualTo(m.fromHost());
                c = c.withVm(vm.migratedTo(m.toHost(), now));
                migrations.computeIfAbsent(m.vm(), k -> new ArrayList<>()).add(now);
                if (m.back()) {
                    changes.removeIf(ch -> ch.vm().equals(m.vm()) && ch.kind() == ChangeKind.MIGRATED);
                } else {
                    changes.add(new IncidentChange(m.incidentId(), ChangeKind.MIGRATED, m.vm(), m.fromHost(), now));
                }
            }
        }
        return c.withChanges(changes);
    }
}
