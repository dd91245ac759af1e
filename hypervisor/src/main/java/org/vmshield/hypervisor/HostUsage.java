package org.vmshield.hypervisor;

/**
 * The resource use of one host.
 *
 * @param host its name
 * @param cpuCapacityCores its CPU capacity
 * @param coresUsed CPU cores used on average since the previous sample (0 on the first)
 * @param throttledFraction share of scheduling periods since the previous sample in which the host hit its CPU quota,
 *     or a VM capped on it hit its cap (the larger), 0..1
 * @param memoryUsedMiB memory used by its processes
 * @param memoryCapacityMiB its memory capacity
 */
public record HostUsage(String host, double cpuCapacityCores, double coresUsed, double throttledFraction,
        long memoryUsedMiB, long memoryCapacityMiB) {}
