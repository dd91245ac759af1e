package org.vmshield.hypervisor;

import java.util.List;

/**
 * One usage sample of every host and VM.
 *
 * @param monotonicNanos when it was taken, from {@link System#nanoTime()}
 * @param hosts one entry per host
 * @param vms one entry per running VM
 */
public record UsageSample(long monotonicNanos, List<HostUsage> hosts, List<VmUsage> vms) {
    /** Copies the lists. */
    public UsageSample {
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
    }
}
