package org.vmshield.hypervisor;

/**
 * The resource use of one VM.
 *
 * @param vm its name
 * @param host where it runs
 * @param cpuSeconds CPU time its process has used since it started on this host
 * @param coresUsed CPU cores used on average since the previous sample (0 on the first)
 * @param memoryRssMiB resident memory of its process
 */
public record VmUsage(String vm, String host, double cpuSeconds, double coresUsed, long memoryRssMiB) {}
