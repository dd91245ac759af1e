package org.vmshield.brain.detect;

import java.util.Map;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmState;

/** Looks up a VM's cap, service and criticality; the detectors ask only about VMs on contended hosts. */
@FunctionalInterface
public interface VmDirectory {
    /** Returns the profile of {@code vm}, or null when the VM is unknown. */
    VmProfile profile(String vm);

    /** Returns a directory that knows no VM. */
    static VmDirectory empty() {
        return vm -> null;
    }

    /** Returns a directory over fixed profiles keyed by VM name. */
    static VmDirectory of(Map<String, VmProfile> profiles) {
        Map<String, VmProfile> copy = Map.copyOf(profiles);
        return copy::get;
    }

    /** Returns a directory backed by the cluster state. */
    static VmDirectory of(ClusterState cluster) {
        return name -> {
            VmState v = cluster.vm(name).orElse(null);
            if (v == null) {
                return null;
            }
            String pool = cluster.service(v.service()).map(ServiceState::pool).orElse("");
            return new VmProfile(v.name(), v.service(), pool, v.cpuCapCores(), v.criticality());
        };
    }
}
