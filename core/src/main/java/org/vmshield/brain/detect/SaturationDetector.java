package org.vmshield.brain.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vmshield.brain.incident.Evidence;
import org.vmshield.brain.incident.Finding;
import org.vmshield.brain.incident.HurtNeighbour;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentTarget;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.incident.Severity;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.model.Criticality;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.VmUsage;

/**
 * The paper's hypervisor-side signal: a VM at its CPU cap, or taking most of a shared host, on a
 * host that is throttled or busy, and the co-located VMs it hurts, most critical first. Works on fixed thresholds (a cap is a cap);
 * only contended hosts cost more than a lookup per VM.
 */
final class SaturationDetector {
    private final SaturationConfig sat;
    private final int warmupSamples;
    private final double alpha;
    private final HashMap<String, HostUsage> contended = new HashMap<>();
    /** Per VM: its normal CPU use, learned while it saturates nothing, and its run of dominant ticks. */
    private final HashMap<String, VmCpu> vmCpu = new HashMap<>();
    private long tick;

    SaturationDetector(DetectorConfig config) {
        this.sat = config.saturation();
        this.warmupSamples = config.baseline().warmupSamples();
        this.alpha = config.baseline().alpha();
    }

    /** Adds a finding to {@code out} for every VM at its cap or dominant on a contended host. */
    void evaluate(HypervisorSnapshot hv, VmDirectory directory, Map<String, BackendTracker> backends, List<Finding> out) {
        tick++;
        contended.clear();
        List<HostUsage> hosts = hv.hosts();
        for (int i = 0, n = hosts.size(); i < n; i++) {
            HostUsage h = hosts.get(i);
            if (h.host() != null && isContended(h)) {
                contended.put(h.host(), h);
            }
        }
        TreeMap<String, List<VmUsage>> onContended = new TreeMap<>(); // sorted: deterministic output
        List<VmUsage> vms = hv.vms();
        for (int i = 0, n = vms.size(); i < n; i++) {
            VmUsage v = vms.get(i);
            if (v.vm() != null && contended.containsKey(v.host())) {
                onContended.computeIfAbsent(v.host(), k -> new ArrayList<>()).add(v);
            }
        }
        for (Map.Entry<String, List<VmUsage>> e : onContended.entrySet()) {
            HostUsage host = contended.get(e.getKey());
            List<VmUsage> here = e.getValue();
            here.sort((a, b) -> a.vm().compareTo(b.vm()));
            Map<String, VmProfile> profiles = new HashMap<>();
            for (VmUsage v : here) {
                VmProfile prof = directory.profile(v.vm());
                if (prof != null) {
                    profiles.put(v.vm(), prof);
                }
            }
            for (VmUsage v : here) {
                VmProfile prof = profiles.get(v.vm());
                if (prof == null || !(prof.cpuCapCores() > 0)) {
                    continue;
                }
                VmCpu cpu = vmCpu.computeIfAbsent(v.vm(), k -> new VmCpu());
                boolean dominant = dominates(v, host, here.size(), cpu);
                cpu.dominantRun = dominant ? cpu.dominantRun + 1 : 0;
                cpu.judgedAt = tick;
                if (atCap(v, prof) || cpu.dominantRun >= sat.dominantTicks()) {
                    cpu.saturating = true;
                    out.add(finding(v, prof, host, here, profiles, backends));
                } else {
                    cpu.saturating = dominant;
                }
            }
        }
        learnNormalUse(vms);
    }

    /** Learns each VM's normal CPU use from the ticks it saturates nothing; forgets VMs gone. */
    private void learnNormalUse(List<VmUsage> vms) {
        for (int i = 0, n = vms.size(); i < n; i++) {
            VmUsage v = vms.get(i);
            if (v.vm() == null) {
                continue;
            }
            VmCpu cpu = vmCpu.computeIfAbsent(v.vm(), k -> new VmCpu());
            if (cpu.judgedAt != tick) {
                cpu.dominantRun = 0;
                cpu.saturating = false;
            }
            if (!cpu.saturating) {
                cpu.normal.update(v.cpuUsedCores(), alpha, warmupSamples);
            }
            cpu.seenAt = tick;
        }
        vmCpu.values().removeIf(c -> c.seenAt != tick);
    }

    private boolean atCap(VmUsage v, VmProfile prof) {
        return v.cpuUsedCores() >= sat.vmAtCapFraction() * prof.cpuCapCores();
    }

    /** Takes most of a shared host, far above its own normal: the attacked VM whose neighbour still gets a little. */
    private boolean dominates(VmUsage v, HostUsage host, int vmsOnHost, VmCpu cpu) {
        return vmsOnHost > 1 && host.cpuUsedCores() > 0
                && v.cpuUsedCores() >= sat.dominantShareOfHost() * host.cpuUsedCores()
                && v.cpuUsedCores() > host.cpuCapacityCores() / vmsOnHost
                && cpu.normal.isWarm(warmupSamples)
                && v.cpuUsedCores() >= sat.surgeRatio() * cpu.normal.mean();
    }

    private static final class VmCpu {
        final EwmaBaseline normal = new EwmaBaseline();
        int dominantRun;
        boolean saturating;
        long judgedAt;
        long seenAt;
    }

    private boolean isContended(HostUsage h) {
        return sat.isHostContended(h.throttledFraction(), h.cpuUsedCores(), h.cpuCapacityCores());
    }

    private Finding finding(VmUsage v, VmProfile prof, HostUsage host, List<VmUsage> here,
            Map<String, VmProfile> profiles, Map<String, BackendTracker> backends) {
        List<HurtNeighbour> hurt = new ArrayList<>();
        for (VmUsage o : here) {
            if (o.vm().equals(v.vm())) {
                continue;
            }
            VmProfile op = profiles.get(o.vm());
            BackendTracker bt = backends.get(o.vm());
            hurt.add(new HurtNeighbour(o.vm(), op == null ? "" : op.service(),
                    op == null ? Criticality.NORMAL : op.criticality(), o.cpuUsedCores(),
                    bt == null ? Double.NaN : bt.latencyRatio(warmupSamples)));
        }
        hurt.sort((a, b) -> {
            int c = b.criticality().compareTo(a.criticality());
            return c != 0 ? c : a.vm().compareTo(b.vm());
        });
        double capThr = sat.vmAtCapFraction() * prof.cpuCapCores();
        List<Evidence> ev = List.of(
                Evidence.fixed("vm.cpuUsedCores", v.cpuUsedCores(), capThr, "cores"),
                Evidence.fixed("host.throttledFraction", host.throttledFraction(), sat.hostThrottledFraction(), "fraction"),
                Evidence.fixed("host.cpuUsedCores", host.cpuUsedCores(), sat.hostBusyFraction() * host.cpuCapacityCores(),
                        "cores"));
        boolean critical = !hurt.isEmpty() && hurt.get(0).criticality() == Criticality.CRITICAL;
        double throttleRatio = sat.hostThrottledFraction() > 0
                ? host.throttledFraction() / sat.hostThrottledFraction() : 1;
        Severity sev = Severity.ofThresholdRatio(Math.max(1, throttleRatio));
        if (critical) {
            sev = sev.max(throttleRatio >= 3 ? Severity.CRITICAL : Severity.HIGH);
        } else if (!hurt.isEmpty()) {
            sev = sev.max(Severity.MEDIUM);
        }
        // sure when the host is clearly throttled; a busy-but-unthrottled host is weaker evidence
        double conf = Scores.clamp(0.5 + 0.5 * Math.min(1, host.throttledFraction() / Math.max(0.01, 5 * sat.hostThrottledFraction())),
                0.5, 1.0);
        SaturationDetail detail = new SaturationDetail(v.vm(), host.host(), v.cpuUsedCores(), prof.cpuCapCores(),
                host.cpuUsedCores(), host.cpuCapacityCores(), host.throttledFraction(), hurt);
        return new Finding(IncidentKind.SATURATION, IncidentTarget.vm(v.vm(), host.host(), prof.service(), prof.pool()),
                sev, conf, ev, List.of(), SourceSpread.UNKNOWN, List.of(), Optional.of(detail));
    }
}
