package org.vmshield.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.Brain;
import org.vmshield.brain.BrainTick;
import org.vmshield.brain.detect.DetectionEngine;
import org.vmshield.brain.detect.DetectorConfig;
import org.vmshield.brain.plan.Action;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.brain.plan.Plan;
import org.vmshield.brain.plan.Planner;
import org.vmshield.brain.plan.PlannerConfig;
import org.vmshield.sim.scenario.AttackKind;
import org.vmshield.sim.scenario.AttackSpec;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.VmSpec;

/** A pulsing flood on the paper's topology: the migration budget and cooldown hold. */
class PulsingAttackerTest {
    static final long HOUR = 3_600_000;

    @Test
    void pulsingAttackerDoesNotExceedTheMigrationBudget() {
        Scenario p = TestScenarios.paperWithoutFlaws(List.of(new AttackSpec(AttackKind.FLOOD, List.of("web"), 60, 3000, 4000, 2000,
                "/", 30.0, 330.0, null)), 1000L);
        // web-1 dirties memory faster than the link carries it: only its critical neighbour can move, again and again
        List<VmSpec> vms = p.vms().stream().map(v -> !v.name().equals("web-1") ? v : new VmSpec(v.name(), v.host(), v.service(),
                v.version(), v.vcpus(), v.cpuCapCores(), v.memoryMiB(), 110.0, v.dirtyMiBPerSecPerCore(), v.criticality(),
                v.antiAffinity(), false, false)).toList();
        Scenario s = new Scenario(p.name(), p.durationSeconds(), p.settings(), p.hosts(), p.services(), vms, p.attacks());
        Map<String, List<Long>> limited = migrations(s, PlannerConfig.DEFAULTS);
        Map<String, List<Long>> unlimited = migrations(s, PlannerConfig.DEFAULTS.withMigrationLimits(2, 5, 0, 10_000, HOUR));
        assertThat(limited).isNotEmpty();
        for (List<Long> times : limited.values()) {
            for (int i = 0; i < times.size(); i++) {
                long from = times.get(i);
                assertThat(times.stream().filter(t -> t >= from && t < from + HOUR).count())
                        .as("migrations in the hour from %s", from).isLessThanOrEqualTo(PlannerConfig.DEFAULTS.migrationBudgetPerVm());
                if (i > 0) {
                    assertThat(from - times.get(i - 1)).isGreaterThanOrEqualTo(PlannerConfig.DEFAULTS.vmCooldownMillis());
                }
            }
        }
        int most = unlimited.values().stream().mapToInt(List::size).max().orElse(0);
        assertThat(most).as("without limits the same attacker moves a VM more often").isGreaterThan(
                PlannerConfig.DEFAULTS.migrationBudgetPerVm());
    }

    private static Map<String, List<Long>> migrations(Scenario s, PlannerConfig config) {
        List<BrainTick> ticks = new ArrayList<>();
        Brain brain = new Brain(new DetectionEngine(DetectorConfig.DEFAULTS), new Planner(config), Brain.DEFAULT_RESOLVED_MEMORY_MILLIS);
        new Simulation(s, SimOptions.of(11).withDurationMillis(3_000_000), brain, ticks).run();
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (BrainTick t : ticks) {
            for (Plan p : t.plans()) {
                for (Action a : p.actions()) {
                    if (a instanceof MigrateVm m) {
                        out.computeIfAbsent(m.vm(), k -> new ArrayList<>()).add(t.atMillis());
                    }
                }
            }
        }
        return out;
    }
}
