package org.vmshield.hypervisor.qemu;

import java.util.List;
import java.util.Map;
import org.vmshield.hypervisor.host.SliceUsage;

/** The capacity slice of one host: where its QEMU processes run and what they use. */
interface HostSlice {
    /** Returns {@code command} wrapped so that the process joins the slice before it starts (same pid). */
    List<String> wrap(List<String> command);

    /** Returns the slice's cumulative usage counters. */
    SliceUsage usage();

    /** Sets the slice's CPU weight (cgroup v1 {@code cpu.shares} units). */
    void setCpuShares(long shares);

    /** Caps process {@code pid} (a VM's QEMU) at {@code cores} within the slice, in a group named {@code group}. */
    void capVm(String group, long pid, double cores);

    /** Returns group {@code group}'s process to the slice's shared quota; false when it had no cap. */
    boolean uncapVm(String group);

    /** Returns the throttling counters of each capped VM's group, by group name, and removes the groups left empty. */
    Map<String, SliceUsage> vmCapUsage();

    /** Removes the slice; its processes must be gone. */
    void remove();
}
