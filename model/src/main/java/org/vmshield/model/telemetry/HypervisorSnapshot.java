package org.vmshield.model.telemetry;

import java.util.List;

/** The hypervisor's usage figures for every host and VM at one instant. */
public record HypervisorSnapshot(long atMillis, List<HostUsage> hosts, List<VmUsage> vms) {
    public HypervisorSnapshot {
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
    }

    /** Returns an empty snapshot, for a hypervisor that has not reported yet. */
    public static HypervisorSnapshot empty(long atMillis) {
        return new HypervisorSnapshot(atMillis, List.of(), List.of());
    }
}
