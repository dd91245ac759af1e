package org.vmshield.sim.world;

import java.util.ArrayList;
import java.util.List;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmRunState;
import org.vmshield.brain.model.VmState;

/**
 * Builds the brain's {@link ClusterState} from the world, as the live controller builds it from its
 * inventory: capacities, placement, criticality, migration history, rules, weights, actions in
 * flight and incident changes. Measured use is left at zero: the brain applies the tick's
 * hypervisor snapshot itself.
 */
public final class ClusterStateView {
    private final MigrationBandwidth bandwidth;
    private final List<ServiceState> services;

    /** Creates a view for a world whose services do not change. */
    public ClusterStateView(World world, double bandwidthMiBPerSec) {
        this.bandwidth = MigrationBandwidth.uniform(bandwidthMiBPerSec);
        List<ServiceState> s = new ArrayList<>(world.services.size());
        for (SimService svc : world.services) {
            s.add(svc.state);
        }
        this.services = List.copyOf(s);
    }

    /** Returns the cluster state of the world now; migration times older than {@code sinceMillis} are dropped. */
    public ClusterState build(World world, long sinceMillis) {
        List<HostState> hosts = new ArrayList<>(world.hosts.size());
        for (SimHost h : world.hosts) {
            hosts.add(new HostState(h.name, h.cpuCores, h.memoryMiB, 0, 0, 0, h.labels, true));
        }
        List<VmState> vms = new ArrayList<>(world.vms.size());
        for (SimVm v : world.allVms()) {
            while (!v.migrationTimesMillis.isEmpty() && v.migrationTimesMillis.peekFirst() < sinceMillis) {
                v.migrationTimesMillis.pollFirst();
            }
            vms.add(new VmState(v.name, v.host.name, v.service.name, v.version, v.vcpus, v.cpuCapCores, v.memoryMiB,
                    v.criticality, runState(v.phase), 0, Double.NaN, v.migration,
                    v.migrationTimesMillis.isEmpty() ? List.of() : List.copyOf(v.migrationTimesMillis), v.antiAffinity));
        }
        return new ClusterState(hosts, vms, services, List.copyOf(world.rules.values()),
                List.copyOf(world.weights.values()), List.copyOf(world.inFlight.values()), bandwidth,
                List.copyOf(world.changes));
    }

    private static VmRunState runState(VmPhase p) {
        return switch (p) {
            case STARTING -> VmRunState.STARTING;
            case RUNNING -> VmRunState.RUNNING;
            case MIGRATING -> VmRunState.MIGRATING;
            case STOPPING -> VmRunState.STOPPING;
        };
    }
}
