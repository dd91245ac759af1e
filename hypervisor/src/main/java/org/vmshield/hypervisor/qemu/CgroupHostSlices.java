package org.vmshield.hypervisor.qemu;

import java.util.List;
import java.util.Map;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.host.LocalHostCgroups;
import org.vmshield.hypervisor.host.LocalHostSlice;
import org.vmshield.hypervisor.host.SliceUsage;

/** Host slices as cgroups (v1 or v2) below the {@code vmshield} group: CPU quota and memory limit enforced. */
final class CgroupHostSlices {
    private CgroupHostSlices() {}

    /** Creates the cgroup of {@code host} with its CPU quota and memory limit. */
    static HostSlice create(HostSpec host) {
        LocalHostSlice slice = LocalHostCgroups.detect().create(host.name(), host.cpuCores(), host.memoryMiB());
        return new HostSlice() {
            @Override
            public List<String> wrap(List<String> command) {
                return slice.wrapCommand(command);
            }

            @Override
            public SliceUsage usage() {
                return slice.usage();
            }

            @Override
            public void setCpuShares(long shares) {
                slice.setCpuShares(shares);
            }

            @Override
            public void capVm(String group, long pid, double cores) {
                slice.vmCpuGroups().cap(group, pid, cores);
            }

            @Override
            public boolean uncapVm(String group) {
                return slice.vmCpuGroups().uncap(group);
            }

            @Override
            public Map<String, SliceUsage> vmCapUsage() {
                slice.vmCpuGroups().removeEmpty(); // a stopped or migrated VM's group
                return slice.vmCpuGroups().usage();
            }

            @Override
            public void remove() {
                slice.remove();
            }
        };
    }

    /** Removes the cgroups of {@code hosts} that hold no process (and the parent group once it is empty); returns how many. */
    static int removeEmpty(java.util.Collection<String> hosts) {
        LocalHostCgroups cgroups = LocalHostCgroups.detect();
        int removed = 0;
        for (String host : hosts) {
            var slice = cgroups.find(host);
            if (slice.isPresent() && slice.get().pids().isEmpty()) {
                slice.get().remove();
                removed++;
            }
        }
        if (cgroups.hostNames().isEmpty()) {
            removed += cgroups.removeAll();
        }
        return removed;
    }

    /** Removes every vmshield cgroup, also those of a killed controller; returns how many. */
    static int removeAll() {
        return LocalHostCgroups.detect().removeAll();
    }
}
