package org.vmshield.sim.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.sim.scenario.PathSpec;
import org.vmshield.sim.scenario.ServiceSpec;

/** One simulated service and its pool (same name). Mutable membership; one thread. */
public final class SimService {
    public final ServiceSpec spec;
    public final String name;
    public final Criticality criticality;
    public final ServiceState state;
    /** Its VMs (backends of its pool), in creation order. */
    public final List<SimVm> vms = new ArrayList<>();
    public final List<PathSpec> paths;
    private final Map<String, Set<String>> vulnerable = new HashMap<>();
    /** Template for replicas the planner starts: dirty rates of the first VM. */
    public double replicaIdleDirty = 5;
    public double replicaDirtyPerCore = 10;
    public int index;

    /** Creates a service from its spec and the brain's view of it. */
    public SimService(ServiceSpec spec, ServiceState state) {
        this.spec = spec;
        this.name = spec.name();
        this.criticality = state.criticality();
        this.state = state;
        this.paths = spec.paths();
        spec.versions().forEach(v -> vulnerable.put(v.version(), Set.copyOf(v.vulnerablePaths())));
    }

    /** Returns true when crafted requests on {@code path} are expensive in {@code version}. */
    public boolean isVulnerable(String version, String path) {
        Set<String> s = vulnerable.get(version);
        return s != null && s.contains(path);
    }
}
