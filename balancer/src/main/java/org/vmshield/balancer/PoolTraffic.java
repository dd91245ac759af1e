package org.vmshield.balancer;

import java.net.InetAddress;
import java.util.List;
import java.util.function.LongSupplier;
import org.vmshield.balancer.guard.GuardChain;
import org.vmshield.balancer.guard.Verdict;
import org.vmshield.balancer.proxy.TrafficHooks;
import org.vmshield.balancer.stats.PoolTelemetry;
import org.vmshield.balancer.telemetry.InFlightRequest;
import org.vmshield.balancer.telemetry.PathTelemetry;
import org.vmshield.balancer.telemetry.SourceTelemetry;
import org.vmshield.model.telemetry.GuardStat;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.SourceStats;

/**
 * Connects one pool's proxy to the guard chain (shared by all pools, rules may name a pool) and to
 * the pool's own per-source and per-path telemetry; and reads them back at each snapshot.
 */
final class PoolTraffic implements TrafficHooks, PoolTelemetry {
    private final String pool;
    private final GuardChain guard;
    private final SourceTelemetry sources = new SourceTelemetry();
    private final PathTelemetry paths;

    PoolTraffic(String pool, GuardChain guard, LongSupplier nanoClock) {
        this.pool = pool;
        this.guard = guard;
        this.paths = new PathTelemetry(nanoClock);
    }

    @Override
    public Verdict onConnectionOpen(InetAddress source, long nowNanos) {
        Verdict v = guard.onConnectionOpen(source, pool, nowNanos);
        if (v.allowed()) {
            sources.onConnectionOpen(source);
        }
        return v;
    }

    @Override
    public void onConnectionClose(InetAddress source) {
        guard.onConnectionClose(source);
        sources.onConnectionClose(source);
    }

    @Override
    public Verdict onRequest(InetAddress source, String path, long nowNanos) {
        sources.onRequest(source);
        Verdict v = guard.onRequest(source, pool, path, nowNanos);
        if (v.allowed()) {
            paths.onRequestStarted(path);
        }
        return v;
    }

    @Override
    public void onConnectionIdle(InetAddress source, boolean idle) {
        sources.onConnectionIdle(source, idle);
    }

    @Override
    public void onRefused(InetAddress source) {
        sources.onRefused(source);
    }

    @Override
    public void onRequestDone(InetAddress source, String path, long backendNanos, long nowNanos) {
        guard.onRequestDone(source, pool, path);
        paths.onRequestDone(path, backendNanos, nowNanos);
    }

    @Override
    public InFlightRequest openInFlight() {
        return paths.openConnection();
    }

    @Override
    public void closeInFlight(InFlightRequest request) {
        paths.closeConnection(request);
    }

    @Override
    public SourceStats sources(long intervalMillis) {
        return sources.snapshot(intervalMillis);
    }

    @Override
    public List<List<PathStat>> paths(long intervalMillis) {
        PathTelemetry.Snapshot s = paths.snapshot(intervalMillis);
        return List.of(s.topByRequests(), s.topByBackendTime());
    }

    @Override
    public List<GuardStat> guards() {
        return guard.guardStats(pool);
    }
}
