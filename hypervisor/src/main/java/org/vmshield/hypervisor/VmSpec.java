package org.vmshield.hypervisor;

/**
 * Asks for a VM.
 *
 * @param name unique among the hypervisor's VMs (lower-case letters, digits, '-')
 * @param service the service the VM runs (a pool name for the balancer)
 * @param version the guest image version, e.g. {@code v1}
 * @param vCpus virtual CPUs, 1..8
 * @param memoryMiB guest memory, 64..16384
 * @param host the host to start it on
 */
public record VmSpec(String name, String service, String version, int vCpus, long memoryMiB, String host) {
    /** Validates the request's shape (whether host and version exist is the hypervisor's check). */
    public VmSpec {
        Names.check("VM name", name);
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service of VM " + name + ": " + service + " (expected: a non-blank name)");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version of VM " + name + ": " + version + " (expected: an image version such as v1)");
        }
        if (vCpus < 1 || vCpus > 8) {
            throw new IllegalArgumentException("vCpus of VM " + name + ": " + vCpus + " (expected: 1..8)");
        }
        if (memoryMiB < 64 || memoryMiB > 16384) {
            throw new IllegalArgumentException("memoryMiB of VM " + name + ": " + memoryMiB + " (expected: 64..16384)");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host of VM " + name + ": " + host + " (expected: a host name)");
        }
    }

    /** Returns a copy of this spec placed on {@code otherHost}. */
    public VmSpec onHost(String otherHost) {
        return new VmSpec(name, service, version, vCpus, memoryMiB, otherHost);
    }
}
