package org.vmshield.hypervisor.qemu;

import java.util.List;
import org.vmshield.hypervisor.host.SliceUsage;

/** The capacity slice of one host: where its QEMU processes run and what they use. */
interface HostSlice {
    /** Returns {@code command} wrapped so that the process joins the slice before it starts (same pid). */
    List<String> wrap(List<String> command);

    /** Returns the slice's cumulative usage counters. */
    SliceUsage usage();

    /** Sets the slice's CPU weight (cgroup v1 {@code cpu.shares} units). */
    void setCpuShares(long shares);

    /** Removes the slice; its processes must be gone. */
    void remove();
}
