package org.vmshield.hypervisor;

import java.util.List;

/**
 * Describes a host: its capacity and what is placed on it.
 *
 * @param spec name and capacity
 * @param allocatedMemoryMiB memory taken by its VMs, counting a VM being migrated onto it
 * @param allocatedVCpus virtual CPUs of its VMs
 * @param vms the names of the VMs on it
 */
public record HostInfo(HostSpec spec, long allocatedMemoryMiB, int allocatedVCpus, List<String> vms) {
    /** Copies the list. */
    public HostInfo {
        vms = List.copyOf(vms);
    }

    /** Returns the host's name. */
    public String name() {
        return spec.name();
    }

    /** Returns the memory still free for new VMs. */
    public long freeMemoryMiB() {
        return spec.memoryMiB() - allocatedMemoryMiB;
    }
}
