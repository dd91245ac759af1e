package org.vmshield.brain.model;

import java.util.Objects;
import java.util.Set;

/**
 * One host: its capacity, its measured use, and the labels that (anti-)affinity rules match.
 *
 * @param name host name
 * @param cpuCapacityCores cores the host may use
 * @param memoryCapacityMiB memory the host may use
 * @param cpuUsedCores cores used at the last sample
 * @param memoryUsedMiB memory in use at the last sample
 * @param throttledFraction share of periods the host was throttled at its cap (0..1)
 * @param labels free-form labels, e.g. {@code zone=a}, {@code small}
 * @param schedulable false for a host in maintenance: nothing is placed on it
 */
public record HostState(
        String name,
        double cpuCapacityCores,
        long memoryCapacityMiB,
        double cpuUsedCores,
        long memoryUsedMiB,
        double throttledFraction,
        Set<String> labels,
        boolean schedulable) {
    public HostState {
        Objects.requireNonNull(name, "name");
        if (!(cpuCapacityCores > 0)) {
            throw new IllegalArgumentException("cpuCapacityCores: %s (expected: > 0)".formatted(cpuCapacityCores));
        }
        if (memoryCapacityMiB <= 0) {
            throw new IllegalArgumentException("memoryCapacityMiB: %s (expected: > 0)".formatted(memoryCapacityMiB));
        }
        if (cpuUsedCores < 0 || memoryUsedMiB < 0) {
            throw new IllegalArgumentException("host %s: negative use (expected: >= 0)".formatted(name));
        }
        labels = Set.copyOf(labels);
    }

    /** Returns a schedulable host with no use and no labels. */
    public static HostState of(String name, double cpuCapacityCores, long memoryCapacityMiB) {
        return new HostState(name, cpuCapacityCores, memoryCapacityMiB, 0, 0, 0, Set.of(), true);
    }

    /** Returns a copy with the given measured use. */
    public HostState withUsage(double cpuUsedCores, long memoryUsedMiB, double throttledFraction) {
        return new HostState(name, cpuCapacityCores, memoryCapacityMiB, cpuUsedCores, memoryUsedMiB,
                throttledFraction, labels, schedulable);
    }

    /** Returns a copy with the given labels. */
    public HostState withLabels(Set<String> newLabels) {
        return new HostState(name, cpuCapacityCores, memoryCapacityMiB, cpuUsedCores, memoryUsedMiB,
                throttledFraction, newLabels, schedulable);
    }
}
