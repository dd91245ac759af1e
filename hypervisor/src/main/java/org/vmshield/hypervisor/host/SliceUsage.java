package org.vmshield.hypervisor.host;

/**
 * Cumulative usage counters of one local host slice, read from its cgroup. Take two samples and
 * subtract them to get rates: CPU cores used = delta cpuUsageNanos / delta wall-clock nanos.
 *
 * @param cpuUsageNanos CPU time used by every process of the slice since it was created
 * @param periods CFS enforcement periods elapsed while the slice had runnable processes
 * @param throttledPeriods of those periods, how many ended with the slice throttled (quota used up)
 * @param throttledNanos total time the slice spent throttled
 * @param memoryUsedBytes memory charged to the slice now (not cumulative)
 */
public record SliceUsage(long cpuUsageNanos, long periods, long throttledPeriods, long throttledNanos,
        long memoryUsedBytes) {}
