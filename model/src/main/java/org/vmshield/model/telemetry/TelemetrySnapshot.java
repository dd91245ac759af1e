package org.vmshield.model.telemetry;

import java.util.Objects;

/**
 * Everything the controller sees in one tick: the balancer's traffic and the hypervisor's usage.
 *
 * @param atMillis when the snapshot was taken (controller clock, or simulated time)
 * @param traffic what the balancer saw
 * @param hypervisor what the hypervisor saw
 */
public record TelemetrySnapshot(long atMillis, TrafficSnapshot traffic, HypervisorSnapshot hypervisor) {
    public TelemetrySnapshot {
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(hypervisor, "hypervisor");
    }
}
