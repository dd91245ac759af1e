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
    /** The previous throttling counters of each capped VM's group (guarded by the sampling lock). */
    private Map<String, SliceUsage> lastVmCapUsage = Map.of();

    HostState(HostSpec spec, HostSlice slice) {
        this.spec = spec;
        this.slice = slice;
    }

    /**
     * Returns the largest share of periods, since the previous call, in which a capped VM of this host
     * hit its cap (0..1): a VM held at its cap is short of CPU here just as one on a throttled host.
     */
    double cappedVmThrottling(Map<String, SliceUsage> now) {
        double worst = 0;
        for (Map.Entry<String, SliceUsage> e : now.entrySet()) {
            SliceUsage before = lastVmCapUsage.get(e.getKey());
            if (before == null) {
                continue;
            }
            long periods = e.getValue().periods() - before.periods();
            if (periods > 0) {
                worst = Math.max(worst, Math.min(1, (e.getValue().throttledPeriods() - before.throttledPeriods())
                        / (double) periods));
            }
        }
        lastVmCapUsage = now;
        return worst;
    }

    long allocatedMiB() {
        return reservedMiB.values().stream().mapToLong(Long::longValue).sum();
    }

    int allocatedVCpus() {
        return reservedVCpus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
