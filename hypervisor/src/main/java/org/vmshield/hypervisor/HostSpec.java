package org.vmshield.hypervisor;


/**
 * Declares a host: a name and its capacity.
 *
 * @param name letters, digits and dashes, starting with a letter, at most 20 characters
 * @param cpuCores CPU capacity in cores (fractions allowed, e.g. 0.5)
 * @param memoryMiB memory capacity
 */
public record HostSpec(String name, double cpuCores, long memoryMiB) {

    /** Validates the declaration. */
    public HostSpec {
        Names.check("host name", name);
        if (!(cpuCores >= 0.05 && cpuCores <= 1024)) {
            throw new IllegalArgumentException("cpuCores of host " + name + ": " + cpuCores + " (expected: 0.05..1024)");
        }
        if (memoryMiB < 64) {
            throw new IllegalArgumentException("memoryMiB of host " + name + ": " + memoryMiB + " (expected: >= 64)");
        }
    }
}
