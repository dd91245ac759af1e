package org.vmshield.hypervisor.qemu;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.host.SliceUsage;

/** The driver's bookkeeping of one host; guarded by the QemuHypervisor's lock. */
final class HostState {
    final HostSpec spec;
    final HostSlice slice; // null when capacity cannot be enforced (no cgroups)
    /** Memory taken per VM name, QEMU's overhead included; a VM migrating here is counted from the start. */
    final Map<String, Long> reservedMiB = new LinkedHashMap<>();
    final Map<String, Integer> reservedVCpus = new LinkedHashMap<>();
    SliceUsage lastUsage;
    long lastUsageNanos;

    HostState(HostSpec spec, HostSlice slice) {
        this.spec = spec;
        this.slice = slice;
    }

    long allocatedMiB() {
        return reservedMiB.values().stream().mapToLong(Long::longValue).sum();
    }

    int allocatedVCpus() {
        return reservedVCpus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
