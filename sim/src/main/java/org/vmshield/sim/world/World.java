package org.vmshield.sim.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.WeightSetting;
import org.vmshield.sim.scenario.HostSpec;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.ServiceSpec;
import org.vmshield.sim.scenario.VersionSpec;
import org.vmshield.sim.scenario.VmSpec;

/**
 * The simulated world: hosts, services, VMs, and the control state the balancer and controller
 * hold (filter rules, changed weights, actions in flight, changes made for incidents). Insertion-
 * ordered maps everywhere, so that iteration (and so every result) is deterministic.
 */
public final class World {
    public final List<SimHost> hosts = new ArrayList<>();
    public final Map<String, SimHost> hostByName = new HashMap<>();
    public final List<SimService> services = new ArrayList<>();
    public final Map<String, SimService> serviceByName = new HashMap<>();
    public final Map<String, SimVm> vms = new LinkedHashMap<>();
    public final Map<String, FilterRule> rules = new LinkedHashMap<>();
    public final Map<String, WeightSetting> weights = new LinkedHashMap<>();
    public final Map<String, InFlightAction> inFlight = new LinkedHashMap<>();
    public final List<IncidentChange> changes = new ArrayList<>();

    /** Builds the world at the start of a (validated) scenario. */
    public static World of(Scenario s) {
        World w = new World();
        for (HostSpec h : s.hosts()) {
            SimHost host = new SimHost(h.name(), h.cpuCores(), h.memoryMiB(), Set.copyOf(h.labels()));
            w.hosts.add(host);
            w.hostByName.put(host.name, host);
        }
        for (ServiceSpec sp : s.services()) {
            List<ServiceVersion> versions = new ArrayList<>();
            for (VersionSpec v : sp.versions()) {
                versions.add(new ServiceVersion(v.version(), Set.copyOf(v.vulnerablePaths())));
            }
            ServiceState st = new ServiceState(sp.name(), sp.name(), Criticality.valueOf(sp.criticality()), versions,
                    sp.patchedVersion(), sp.minReplicas(), sp.maxReplicas());
            SimService svc = new SimService(sp, st);
            svc.index = w.services.size();
            w.services.add(svc);
            w.serviceByName.put(svc.name, svc);
        }
        for (VmSpec v : s.vms()) {
            SimService svc = w.serviceByName.get(v.service());
            Criticality c = v.criticality() == null ? svc.criticality : Criticality.valueOf(v.criticality());
            SimVm vm = new SimVm(v.name(), svc, v.version(), v.vcpus(), v.cpuCapCores(), v.memoryMiB(),
                    v.dirtyRateMiBPerSec(), v.dirtyMiBPerSecPerCore(), c,
                    new MigrationOptions(v.autoConverge(), v.postCopy()), v.antiAffinity(), VmPhase.RUNNING);
            if (svc.vms.isEmpty()) {
                svc.replicaIdleDirty = v.dirtyRateMiBPerSec();
                svc.replicaDirtyPerCore = v.dirtyMiBPerSecPerCore();
            }
            w.add(vm, w.hostByName.get(v.host()));
        }
        return w;
    }

    /** Adds a VM to the world, its host and its service's pool. */
    public void add(SimVm vm, SimHost host) {
        vms.put(vm.name, vm);
        vm.service.vms.add(vm);
        place(vm, host);
    }

    /** Moves a VM onto {@code host} (off its previous host, if any). */
    public void place(SimVm vm, SimHost host) {
        if (vm.host != null) {
            vm.host.vms.remove(vm);
        }
        vm.host = host;
        host.vms.add(vm);
    }

    /** Removes a stopped VM from its host, its pool and the world. */
    public void remove(SimVm vm) {
        vm.host.vms.remove(vm);
        vm.service.vms.remove(vm);
        vms.remove(vm.name);
        weights.remove(vm.service.name + "/" + vm.name);
        changes.removeIf(c -> c.vm().equals(vm.name)); // nothing left to undo for a VM that is gone
    }

    /** Returns the VMs, in creation order. */
    public Collection<SimVm> allVms() {
        return vms.values();
    }
}
