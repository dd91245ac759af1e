package org.vmshield.controller.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmRunState;
import org.vmshield.brain.model.VmState;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.HostDecl;
import org.vmshield.controller.config.ServiceDecl;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.hypervisor.HostInfo;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.VmInfo;

/**
 * Builds the brain's {@link ClusterState} for one tick: hosts and VMs as the hypervisor reports
 * them, services and criticalities from the configuration, and the rules, weights, changes and
 * actions in flight from the {@link ControlState}. Measured use is applied by the brain itself
 * from the tick's telemetry.
 */
public final class ClusterStateBuilder {
    private final Hypervisor hypervisor;
    private final ControllerConfig config;
    private final ControlState control;
    private final List<ServiceState> services;
    private final MigrationBandwidth bandwidth;
    private final MigrationOptions migration;

    /** Creates a builder over the hypervisor, the configuration and the control state. */
    public ClusterStateBuilder(Hypervisor hypervisor, ControllerConfig config, ControlState control) {
        this.hypervisor = hypervisor;
        this.config = config;
        this.control = control;
        List<ServiceState> s = new ArrayList<>();
        for (ServiceDecl d : config.services()) {
            s.add(new ServiceState(d.name(), d.pool(), d.criticality(), d.versions(), d.patchedVersion(),
                    d.minReplicas(), d.maxReplicas()));
        }
        this.services = List.copyOf(s);
        this.bandwidth = MigrationBandwidth.uniform(config.migration().bandwidthMiBPerSec());
        this.migration = new MigrationOptions(config.migration().autoConverge(), config.migration().postCopy());
    }

    /** Returns the cluster as of now. VMs of services the configuration does not know are left out. */
    public ClusterState build() {
        List<HostState> hosts = new ArrayList<>();
        Map<String, Set<String>> labels = new java.util.HashMap<>();
        for (HostDecl h : config.hosts()) {
            labels.put(h.name(), h.labels());
        }
        Map<String, Double> hostCores = new java.util.HashMap<>();
        for (HostInfo h : hypervisor.hosts()) {
            hosts.add(new HostState(h.name(), h.spec().cpuCores(), h.spec().memoryMiB(), 0, 0, 0,
                    labels.getOrDefault(h.name(), Set.of()), true));
            hostCores.put(h.name(), h.spec().cpuCores());
        }
        List<VmState> vms = new ArrayList<>();
        for (VmInfo v : hypervisor.vms()) {
            ServiceDecl service = config.service(v.spec().service()).orElse(null);
            if (service == null || !hostCores.containsKey(v.host())) {
                continue;
            }
            VmDecl decl = control.vm(v.name()).orElse(null);
            Criticality criticality = decl != null ? decl.criticality() : service.criticality();
            List<String> antiAffinity = decl != null ? decl.antiAffinityLabels() : List.of();
            double cap = Math.min(v.spec().vCpus(), hostCores.get(v.host()));
            vms.add(new VmState(v.name(), v.host(), service.name(), v.spec().version(), v.spec().vCpus(), cap,
                    v.spec().memoryMiB(), criticality, runState(v.state()), 0, Double.NaN, migration,
                    control.migrationTimes(v.name()), antiAffinity));
        }
        return new ClusterState(hosts, vms, services, control.rules(), control.weights(), control.inFlight(),
                bandwidth, control.changes());
    }

    private static VmRunState runState(org.vmshield.hypervisor.VmState s) {
        return switch (s) {
            case STARTING -> VmRunState.STARTING;
            case RUNNING -> VmRunState.RUNNING;
            case MIGRATING -> VmRunState.MIGRATING;
            case STOPPED -> VmRunState.STOPPED;
        };
    }
}
