package org.vmshield.controller.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vmshield.brain.model.Criticality;
import org.vmshield.hypervisor.cluster.NetworkMode;

/**
 * The controller's configuration, validated: read it with {@link ControllerConfigFile#load}.
 *
 * @param network how VMs are networked, or empty for the hypervisor's default (bridge as root, else user)
 * @param hosts the local hosts
 * @param services the services behind the balancer
 * @param vms the VMs to start
 * @param migration migration planning and limits
 * @param tickMillis control-loop period
 * @param stepTimeoutMillis how long one actuator step (a health check, a drain) may take
 * @param dryRun plan and journal, change nothing
 * @param journal the journal's SQLite file
 * @param admin the admin API
 */
public record ControllerConfig(Optional<NetworkMode> network, List<HostDecl> hosts, List<ServiceDecl> services,
        List<VmDecl> vms, MigrationDecl migration, long tickMillis, long stepTimeoutMillis, boolean dryRun,
        Path journal, AdminDecl admin) {
    /** Default control-loop period. */
    public static final long DEFAULT_TICK_MILLIS = 500;
    /** Default timeout of one actuator step. */
    public static final long DEFAULT_STEP_TIMEOUT_MILLIS = 30_000;

    public ControllerConfig {
        hosts = List.copyOf(hosts);
        services = List.copyOf(services);
        vms = List.copyOf(vms);
    }

    /** Returns the named service, if declared. */
    public Optional<ServiceDecl> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Returns true when {@code service} is declared and mission-critical. */
    public boolean isCritical(String service) {
        return service(service).map(s -> s.criticality() == Criticality.CRITICAL).orElse(false);
    }

    /** Returns the named host, if declared. */
    public Optional<HostDecl> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Returns a copy with dry-run switched on or off. */
    public ControllerConfig withDryRun(boolean value) {
        return new ControllerConfig(network, hosts, services, vms, migration, tickMillis, stepTimeoutMillis, value,
                journal, admin);
    }

    /** Returns a copy with another journal file. */
    public ControllerConfig withJournal(Path file) {
        return new ControllerConfig(network, hosts, services, vms, migration, tickMillis, stepTimeoutMillis, dryRun,
                file, admin);
    }

    /** Returns a copy with another admin API socket. */
    public ControllerConfig withAdmin(AdminDecl value) {
        return new ControllerConfig(network, hosts, services, vms, migration, tickMillis, stepTimeoutMillis, dryRun,
                journal, value);
    }
}
