package org.vmshield.brain.incident;

import java.util.Objects;
import org.vmshield.brain.model.Criticality;

/**
 * A VM sharing a contended host with a saturating VM.
 *
 * @param vm its name
 * @param service its service, or empty when unknown
 * @param criticality how much it matters ({@code NORMAL} when unknown)
 * @param cpuUsedCores its CPU use this tick
 * @param latencyRatio its backend's p90 latency over that backend's learned baseline; NaN when it
 *     has no backend in the telemetry or no baseline yet
 */
public record HurtNeighbour(
        String vm, String service, Criticality criticality, double cpuUsedCores, double latencyRatio) {
    public HurtNeighbour {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(criticality, "criticality");
    }
}
