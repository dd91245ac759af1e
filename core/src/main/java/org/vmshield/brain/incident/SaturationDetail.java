package org.vmshield.brain.incident;

import java.util.List;
import java.util.Objects;

/**
 * The hypervisor-side picture of a {@link IncidentKind#SATURATION} incident.
 *
 * @param vm the VM at its CPU cap
 * @param host its host
 * @param vmCpuUsedCores its CPU use
 * @param vmCpuCapCores its CPU cap
 * @param hostCpuUsedCores the host's CPU use
 * @param hostCpuCapacityCores the host's CPU capacity
 * @param hostThrottledFraction share of periods the host was throttled (0..1)
 * @param hurtNeighbours the other VMs on the host, most critical first (then by name)
 */
public record SaturationDetail(
        String vm,
        String host,
        double vmCpuUsedCores,
        double vmCpuCapCores,
        double hostCpuUsedCores,
        double hostCpuCapacityCores,
        double hostThrottledFraction,
        List<HurtNeighbour> hurtNeighbours) {
    public SaturationDetail {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(host, "host");
        hurtNeighbours = List.copyOf(hurtNeighbours);
    }
}
