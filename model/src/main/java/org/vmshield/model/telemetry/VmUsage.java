package org.vmshield.model.telemetry;

/**
 * One VM's use of its host.
 *
 * @param vm VM name
 * @param host the host it runs on
 * @param cpuUsedCores cores used on average since the previous sample
 * @param memoryMiB guest memory size
 * @param dirtyRateMiBPerSec last measured guest memory dirty rate; NaN when never measured
 */
public record VmUsage(String vm, String host, double cpuUsedCores, long memoryMiB, double dirtyRateMiBPerSec) {}
