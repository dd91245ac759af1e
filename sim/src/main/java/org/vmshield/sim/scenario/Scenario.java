package org.vmshield.sim.scenario;

import java.util.List;

/**
 * Everything a simulation runs: the world at the start and the attacks over time.
 *
 * @param name scenario name
 * @param durationSeconds simulated time when no duration is given on the command line
 * @param settings model knobs
 * @param hosts hosts
 * @param services services (one pool each, same name)
 * @param vms VMs at the start
 * @param attacks attacks and flash crowds
 */
public record Scenario(
        String name,
        Double durationSeconds,
        ModelSettings settings,
        List<HostSpec> hosts,
        List<ServiceSpec> services,
        List<VmSpec> vms,
        List<AttackSpec> attacks) {
    public Scenario {
        name = name == null ? "unnamed" : name;
        durationSeconds = durationSeconds == null ? 600.0 : durationSeconds;
        settings = settings == null ? ModelSettings.DEFAULTS : settings;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        services = services == null ? List.of() : List.copyOf(services);
        vms = vms == null ? List.of() : List.copyOf(vms);
        attacks = attacks == null ? List.of() : List.copyOf(attacks);
    }
}
