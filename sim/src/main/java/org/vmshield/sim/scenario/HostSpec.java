package org.vmshield.sim.scenario;

import java.util.List;

/**
 * One host.
 *
 * @param name host name
 * @param cpuCores CPU capacity in cores
 * @param memoryMiB memory capacity
 * @param labels labels that anti-affinity matches (e.g. {@code small})
 */
public record HostSpec(String name, double cpuCores, long memoryMiB, List<String> labels) {
    public HostSpec {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
