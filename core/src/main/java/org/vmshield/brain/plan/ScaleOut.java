package org.vmshield.brain.plan;

import java.util.Objects;

/** Starts a new replica of a service on a host and adds it to the service's pool. */
public record ScaleOut(String service, String pool, String newVm, String version, String host, double cpuCapCores,
        long memoryMiB, String incidentId, String reason, String predictedEffect) implements Action {
    public ScaleOut {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(newVm, "newVm");
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String describe() {
        return "scale-out " + service + " new=" + newVm + " version=" + version + " on " + host;
    }
}
