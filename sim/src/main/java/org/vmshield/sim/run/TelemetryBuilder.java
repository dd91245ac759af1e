package org.vmshield.sim.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.GuardStat;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.LatencyMillis;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.SourceStat;
import org.vmshield.model.telemetry.SourceStats;
import org.vmshield.model.telemetry.StatusCounts;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.TrafficSnapshot;
import org.vmshield.model.telemetry.TrafficStats;
import org.vmshield.sim.scenario.PathSpec;
import org.vmshield.sim.traffic.PoolTraffic;
import org.vmshield.sim.traffic.SourceView;
import org.vmshield.sim.world.Queueing;
import org.vmshield.sim.world.SimHost;
import org.vmshield.sim.world.SimVm;
import org.vmshield.sim.world.VmPhase;
import org.vmshield.sim.world.World;

/**
 * Builds the {@link TelemetrySnapshot} of one tick from the world, as the balancer (per pool,
 * backend, source heavy hitters, path, guard) and the hypervisor (per host and VM) report it.
 */
final class TelemetryBuilder {
    /** Heavy hitters reported per pool, as a Space-Saving summary of this size would. */
    static final int TOP_SOURCES = 20;

    private final double timeoutMillis;

    TelemetryBuilder(double timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    TelemetrySnapshot build(World world, List<PoolTraffic> pools, long nowMillis, long tickMillis) {
        double secs = tickMillis / 1000.0;
        List<PoolStats> poolStats = new ArrayList<>(pools.size());
        for (PoolTraffic p : pools) {
            poolStats.add(pool(p, secs));
        }
        List<HostUsage> hosts = new ArrayList<>(world.hosts.size());
        for (SimHost h : world.hosts) {
            hosts.add(new HostUsage(h.name, h.cpuCores, h.usedCores, h.throttledFraction, h.memoryMiB, h.memoryUsedMiB()));
        }
        List<org.vmshield.model.telemetry.VmUsage> vms = new ArrayList<>(world.vms.size());
        for (SimVm v : world.allVms()) {
            vms.add(new org.vmshield.model.telemetry.VmUsage(v.name, v.host.name, v.allocCores, v.memoryMiB, v.dirtyRateMiBPerSec()));
        }
        return new TelemetrySnapshot(nowMillis, new TrafficSnapshot(nowMillis, tickMillis, poolStats),
                new HypervisorSnapshot(nowMillis, hosts, vms));
    }

    private PoolStats pool(PoolTraffic p, double secs) {
        List<BackendStats> backends = new ArrayList<>(p.service.vms.size());
        double served = 0;
        double failed = p.unservedRps;
        double latW = 0;
        double inFlight = 0;
        double[] pathMs = new double[p.service.paths.size()];
        for (SimVm v : p.service.vms) {
            if (v.phase == VmPhase.STARTING) {
                continue; // not in the pool yet
            }
            double ok = v.arrivalsRps * v.successFraction;
            served += ok;
            failed += v.arrivalsRps - ok;
            latW += ok * v.meanLatencyMillis;
            inFlight += v.arrivalsRps * v.meanLatencyMillis / 1000.0;
            if (v.arrivalsRps > 0 && p.weightSum > 0) {
                double share = v.weight / p.weightSum;
                for (int i = 0; i < pathMs.length; i++) {
                    PathSpec ps = p.service.paths.get(i);
                    double crafted = p.service.isVulnerable(v.version, ps.path()) ? ps.craftedCostMillis() : ps.costMillis();
                    pathMs[i] += share * v.stretch * ((p.legitPath[i] + p.plainPath[i]) * ps.costMillis() + p.craftedPath[i] * crafted);
                }
            }
            backends.add(new BackendStats(v.name, v.host.name + ":80", v.backendState, v.weight, true,
                    traffic(v.arrivalsRps, v.arrivalsRps * v.meanLatencyMillis / 1000.0, latency(v.meanLatencyMillis, v.arrivalsRps * secs),
                            new StatusCounts(0, Math.round(ok * secs), 0, 0, 0, Math.round((v.arrivalsRps - ok) * secs)), 0,
                            v.arrivalsRps / 10)));
        }
        double refused = p.legitOffered + p.attackOffered - p.legitAdmitted - p.attackAdmitted;
        double offered = p.legitOffered + p.attackOffered;
        double meanLat = served > 0 ? latW / served : 0;
        SourceView sv = SourceView.of(p, TOP_SOURCES);
        TrafficStats total = traffic(offered, inFlight, latency(meanLat, served * secs),
                new StatusCounts(0, Math.round(served * secs), 0, Math.round(refused * secs), 0, Math.round(failed * secs)),
                sv.connectionsOpen(), offered / 10);
        List<PathStat> paths = new ArrayList<>(pathMs.length);
        for (int i = 0; i < pathMs.length; i++) {
            double admitted = p.legitPath[i] + p.plainPath[i] + p.craftedPath[i];
            paths.add(new PathStat(p.service.paths.get(i).path(), admitted + p.refusedPath[i], pathMs[i],
                    admitted > 0 ? pathMs[i] / admitted : 0));
        }
        List<PathStat> byTime = new ArrayList<>(paths);
        paths.sort(Comparator.comparingDouble(PathStat::requestsPerSec).reversed());
        byTime.sort(Comparator.comparingDouble(PathStat::backendMillisPerSec).reversed());
        List<GuardStat> guards = new ArrayList<>(p.refusedByRule.size());
        for (Map.Entry<String, Double> e : p.refusedByRule.entrySet()) {
            guards.add(new GuardStat(e.getKey(), Math.round(e.getValue() * secs), 0));
        }
        return new PoolStats(p.service.name, p.service.name, total, backends,
                new SourceStats(sv.topByRequests(), sv.topByConnections(), sv.distinct(), sv.newPerSec(),
                        sv.recent()), paths, byTime, guards);
    }

    private LatencyMillis latency(double meanMillis, double count) {
        if (count < 1 || meanMillis <= 0) {
            return LatencyMillis.NONE;
        }
        return new LatencyMillis(Math.round(count), Math.min(timeoutMillis, Queueing.p50(meanMillis)),
                Math.min(timeoutMillis, Queueing.p90(meanMillis)), Math.min(timeoutMillis, Queueing.p99(meanMillis)), timeoutMillis);
    }

    private static TrafficStats traffic(double rps, double inFlight, LatencyMillis lat, StatusCounts st, long open, double newConns) {
        return new TrafficStats(rps, Math.round(inFlight), lat, st, open, newConns, rps * 200, rps * 2000);
    }

}
