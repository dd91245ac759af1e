package org.vmshield.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.migration.PreCopyModel;
import org.vmshield.brain.migration.PreCopyParams;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.sim.engine.EventQueue;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.ScenarioLoader;
import org.vmshield.sim.world.SimVm;
import org.vmshield.sim.world.World;

/** Simulated pre-copy rounds against the brain's closed-form model (DESIGN.md's formulas). */
class PreCopyMigrationTest {
    static final PreCopyModel MODEL = new PreCopyModel(PreCopyParams.DEFAULTS);

    static Scenario twoHosts(double nicMiBPerSec, double dirty) {
        return ScenarioLoader.parse("""
                name: mig
                settings: {migrationBandwidthMiBPerSec: 100, hostNicMiBPerSec: %s}
                hosts:
                  - {name: a, cpuCores: 4, memoryMiB: 8192}
                  - {name: b, cpuCores: 4, memoryMiB: 8192}
                services:
                  - name: svc
                    legitRps: 0
                    clients: 1
                    paths: [{path: /, share: 1, costMillis: 1}]
                    versions: [{version: "1"}]
                vms:
                  - {name: v1, host: a, service: svc, version: "1", cpuCapCores: 1, memoryMiB: 1024,
                     dirtyRateMiBPerSec: %s, dirtyMiBPerSecPerCore: 0}
                  - {name: v2, host: a, service: svc, version: "1", cpuCapCores: 1, memoryMiB: 1024,
                     dirtyRateMiBPerSec: %s, dirtyMiBPerSecPerCore: 0}
                """.formatted(nicMiBPerSec, dirty, dirty), "test");
    }

    record Run(World world, EventQueue queue, Metrics metrics, ActionExecutor executor) {}

    static Run prepare(Scenario s) {
        World w = World.of(s);
        EventQueue q = new EventQueue();
        Metrics m = new Metrics(w.services, s.attacks());
        return new Run(w, q, m, new ActionExecutor(w, q, s.settings(), m));
    }

    static MigrateVm migrate(String vm, MigrationPrediction p) {
        return new MigrateVm(vm, "a", "b", MigrationOptions.PRE_COPY_ONLY, 300, p, false, "inc-1", "test", "test");
    }

    @Test
    void oneMigrationMatchesTheFormulas() {
        Run r = prepare(twoHosts(1000, 50));
        MigrationPrediction p = MODEL.preCopy(1024, 100, 50);
        assertThat(p.rounds()).isEqualTo(6); // docs/planner.md's example
        assertThat(r.executor.execute(migrate("v1", p))).isTrue();
        SimVm v = r.world.vms.get("v1");
        assertThat(r.world.inFlight).containsKey("v1");
        r.queue.runUntil(120_000);
        assertThat(v.host.name).isEqualTo("b");
        assertThat(r.world.inFlight).isEmpty();
        assertThat(r.metrics.migCompleted).isEqualTo(1);
        assertThat(r.metrics.migDowntimeMillis).isCloseTo(p.downtimeMillis(), within(0.01));
        assertThat(r.metrics.migSentMiB).isCloseTo(p.totalSentMiB(), within(0.01));
        // each round's end is rounded to a millisecond
        assertThat(r.metrics.migSeconds * 1000).isCloseTo(p.totalMillis(), within(p.rounds() + 1.0));
        assertThat(r.world.changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MIGRATED);
            assertThat(c.homeHost()).isEqualTo("a");
        });
        assertThat(v.migrationTimesMillis).containsExactly(0L);
    }

    @Test
    void concurrentMigrationsShareTheHostsBandwidth() {
        MigrationPrediction p = MODEL.preCopy(1024, 100, 10);
        Run alone = prepare(twoHosts(100, 10));
        alone.executor.execute(migrate("v1", p));
        alone.queue.runUntil(120_000);
        Run both = prepare(twoHosts(100, 10));
        both.executor.execute(migrate("v1", p));
        both.executor.execute(migrate("v2", p));
        both.queue.runUntil(120_000);
        assertThat(both.metrics.migCompleted).isEqualTo(2);
        // the first starts alone at full speed; from the second's start both get half of the NIC
        assertThat(both.metrics.migSeconds / 2).isGreaterThan(alone.metrics.migSeconds * 1.5);
    }

    @Test
    void aMigrationThatCannotConvergeIsRejectedAndChangesNothing() {
        Run r = prepare(twoHosts(1000, 150));
        MigrationPrediction p = MODEL.preCopy(1024, 100, 150);
        assertThat(p.mode()).isEqualTo(MigrationMode.NOT_CONVERGING);
        assertThat(r.executor.execute(migrate("v1", p))).isFalse();
        assertThat(r.metrics.rejected).isEqualTo(1);
        assertThat(r.world.inFlight).isEmpty();
        assertThat(r.world.vms.get("v1").host.name).isEqualTo("a");
        assertThat(r.executor.execute(new MigrateVm("nope", "a", "b", MigrationOptions.PRE_COPY_ONLY, 300,
                MODEL.preCopy(1024, 100, 5), false, "", "t", "t"))).isFalse();
        assertThat(List.copyOf(r.world.vms.keySet())).containsExactly("v1", "v2");
    }
}
