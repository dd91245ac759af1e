package org.vmshield.sim.run;

import java.util.List;
import org.vmshield.sim.scenario.AttackSpec;
import org.vmshield.sim.scenario.ModelSettings;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.ScenarioLoader;
import org.vmshield.sim.scenario.ServiceSpec;
import org.vmshield.sim.scenario.VersionSpec;

/** Variants of the paper scenario for tests. */
final class TestScenarios {
    private TestScenarios() {}

    /** Returns the paper scenario with other attacks and, when not null, another tick. */
    static Scenario paperWith(List<AttackSpec> attacks, Long tickMillis) {
        Scenario p = ScenarioLoader.paper();
        ModelSettings m = p.settings();
        ModelSettings settings = tickMillis == null ? m : new ModelSettings(tickMillis, m.migrationBandwidthMiBPerSec(),
                m.hostNicMiBPerSec(), m.hostOverheadMillisPerRequest(), m.migrationCpuCores(), m.requestTimeoutMillis(),
                m.bootMillis(), m.healthDelayMillis(), m.drainMillis(), m.downtimeLimitMillis());
        return new Scenario(p.name(), p.durationSeconds(), settings, p.hosts(), p.services(), p.vms(), attacks);
    }

    /** Returns {@link #paperWith} where no version of any service has a known flaw (no version switch). */
    static Scenario paperWithoutFlaws(List<AttackSpec> attacks, Long tickMillis) {
        Scenario p = paperWith(attacks, tickMillis);
        List<ServiceSpec> services = p.services().stream().map(s -> new ServiceSpec(s.name(), s.criticality(), s.legitRps(),
                s.clients(), s.paths(), s.versions().stream().map(v -> new VersionSpec(v.version(), List.of())).toList(),
                s.patchedVersion(), s.minReplicas(), s.maxReplicas())).toList();
        return new Scenario(p.name(), p.durationSeconds(), p.settings(), p.hosts(), services, p.vms(), attacks);
    }

    /** Returns a result with the wall-clock figures zeroed, for comparing two runs. */
    static SimResult withoutWallTime(SimResult r) {
        return new SimResult(r.scenario(), r.seed(), r.mitigation(), r.simulatedSeconds(), r.hosts(), r.vmsAtStart(),
                r.vmsAtEnd(), r.services(), r.ticks(), r.events(), 0, 0, r.groups(), r.detections(), r.incidentsOpened(),
                r.actions(), r.rejectedActions(), r.migrations());
    }
}
