package org.vmshield.controller.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.UsageSample;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.TrafficSnapshot;
import org.vmshield.model.telemetry.VmUsage;

/**
 * Takes one {@link TelemetrySnapshot} per tick: the balancer's latest traffic snapshot and one
 * usage sample of the hypervisor, mapped to the model's records. A hypervisor that fails to
 * sample yields an empty hypervisor part (the brain then keeps the previous use) rather than no
 * snapshot at all.
 */
public final class TelemetryCollector {
    private final Supplier<TrafficSnapshot> traffic;
    private final Hypervisor hypervisor;

    /** Creates a collector reading traffic from {@code traffic} (e.g. {@code balancer::snapshot}). */
    public TelemetryCollector(Supplier<TrafficSnapshot> traffic, Hypervisor hypervisor) {
        this.traffic = traffic;
        this.hypervisor = hypervisor;
    }

    /** Returns the snapshot for the tick at {@code nowMillis}. */
    public TelemetrySnapshot collect(long nowMillis) {
        TrafficSnapshot t = traffic.get();
        if (t == null) {
            t = TrafficSnapshot.empty(nowMillis);
        }
        return new TelemetrySnapshot(nowMillis, t, hypervisorSnapshot(nowMillis));
    }

    /** Returns the hypervisor's use as the model's records. */
    public HypervisorSnapshot hypervisorSnapshot(long nowMillis) {
        UsageSample sample;
        try {
            sample = hypervisor.usage();
        } catch (RuntimeException e) {
            return HypervisorSnapshot.empty(nowMillis);
        }
        Map<String, Long> guestMemory = new HashMap<>();
        for (VmInfo v : hypervisor.vms()) {
            guestMemory.put(v.name(), v.spec().memoryMiB());
        }
        List<HostUsage> hosts = new ArrayList<>(sample.hosts().size());
        for (org.vmshield.hypervisor.HostUsage h : sample.hosts()) {
            hosts.add(new HostUsage(h.host(), h.cpuCapacityCores(), h.coresUsed(), h.throttledFraction(),
                    h.memoryCapacityMiB(), h.memoryUsedMiB()));
        }
        List<VmUsage> vms = new ArrayList<>(sample.vms().size());
        for (org.vmshield.hypervisor.VmUsage v : sample.vms()) {
            // The model wants the guest's memory size (what a migration copies), not the process RSS.
            long memory = guestMemory.getOrDefault(v.vm(), v.memoryRssMiB());
            vms.add(new VmUsage(v.vm(), v.host(), v.coresUsed(), memory, Double.NaN));
        }
        return new HypervisorSnapshot(nowMillis, hosts, vms);
    }
}
