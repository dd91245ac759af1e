package org.vmshield.model.telemetry;

/**
 * One host's CPU and memory use.
 *
 * @param host host name
 * @param cpuCapacityCores cores the host may use (its cgroup quota on a local host)
 * @param cpuUsedCores cores used on average since the previous sample
 * @param throttledFraction share of scheduling periods in which the host was throttled at its
 *     cap since the previous sample (0..1)
 * @param memoryCapacityMiB memory the host may use
 * @param memoryUsedMiB memory in use
 */
public record HostUsage(
        String host,
        double cpuCapacityCores,
        double cpuUsedCores,
        double throttledFraction,
        long memoryCapacityMiB,
        long memoryUsedMiB) {}
