package org.vmshield.controller.config;

import java.util.Set;

/**
 * A local host the controller's hypervisor provides.
 *
 * @param name host name
 * @param cpuCores CPU capacity in cores
 * @param memoryMiB memory capacity
 * @param labels free-form labels the planner's anti-affinity matches, e.g. {@code small}
 */
public record HostDecl(String name, double cpuCores, long memoryMiB, Set<String> labels) {
    public HostDecl {
        labels = Set.copyOf(labels);
    }
}
