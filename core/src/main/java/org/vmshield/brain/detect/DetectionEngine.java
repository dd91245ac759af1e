package org.vmshield.brain.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.Finding;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentLifecycle;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.TelemetrySnapshot;

/**
 * Runs every detector over one telemetry snapshot per tick and turns their findings into incidents
 * (opened, still active, resolved) with hysteresis.
 *
 * <p>Pure and deterministic: no I/O, no threads, no clock; time is the snapshot's
 * {@code atMillis}. The same sequence of snapshots gives the same incidents. Memory is constant
 * per tracked series (pool, backend, path); series not reported for
 * {@link DetectorConfig#evictAfterMillis()} are forgotten. Not thread-safe: one caller.
 */
public final class DetectionEngine {
    private static final int EVICT_EVERY_TICKS = 64;

    private final DetectorConfig config;
    private final IncidentLifecycle lifecycle;
    private final VolumetricDetector volumetric;
    private final CostAttackDetector cost;
    private final ConnectionExhaustionDetector connections;
    private final SaturationDetector saturation;
    private final HashMap<String, PoolTracker> pools = new HashMap<>();
    private final HashMap<String, BackendTracker> backendsById = new HashMap<>();
    private final ArrayList<Finding> findings = new ArrayList<>();
    private long tick;
    private long lastAtMillis = Long.MIN_VALUE;

    /** Creates an engine with the given thresholds ({@link DetectorConfig#DEFAULTS} for the defaults). */
    public DetectionEngine(DetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.lifecycle = new IncidentLifecycle(config.hysteresis());
        this.volumetric = new VolumetricDetector(config);
        this.cost = new CostAttackDetector(config);
        this.connections = new ConnectionExhaustionDetector(config);
        this.saturation = new SaturationDetector(config);
    }

    /** Runs one tick, looking VMs up in the cluster state (cap, service, criticality). */
    public DetectionResult tick(TelemetrySnapshot snapshot, ClusterState cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return tick(snapshot, VmDirectory.of(cluster));
    }

    /**
     * Runs one tick at {@code snapshot.atMillis()}: judges every pool, backend, path and VM, then
     * applies hysteresis. Fails, changing nothing, when time goes backwards.
     */
    public DetectionResult tick(TelemetrySnapshot snapshot, VmDirectory vms) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(vms, "vms");
        long now = snapshot.atMillis();
        if (lastAtMillis != Long.MIN_VALUE && now < lastAtMillis) {
            throw new IllegalArgumentException(
                    "snapshot atMillis: %s (expected: >= previous tick %s)".formatted(now, lastAtMillis));
        }
        List<PoolStats> ps = snapshot.traffic().pools();
        for (int i = 0, n = ps.size(); i < n; i++) {
            PoolStats p = ps.get(i);
            if (p.pool() == null || p.traffic() == null || p.traffic().latency() == null || p.sources() == null) {
                throw new IllegalArgumentException("pool %s: name, traffic, latency or sources missing"
                        .formatted(p.pool()) + " (expected: all present)");
            }
        }
        lastAtMillis = now;
        tick++;
        findings.clear();
        for (int i = 0, n = ps.size(); i < n; i++) {
            PoolStats p = ps.get(i);
            PoolTracker t = pools.computeIfAbsent(p.pool(), PoolTracker::new);
            t.lastSeenMillis = now;
            volumetric.evaluate(p, t, now, findings, backendsById);
            cost.evaluate(p, t, now, tick, findings);
            connections.evaluate(p, t, now, findings);
        }
        saturation.evaluate(snapshot.hypervisor(), vms, backendsById, findings);
        if (tick % EVICT_EVERY_TICKS == 0) {
            evictStale(now);
        }
        return lifecycle.apply(now, findings);
    }

    /**
     * Marks the active incident {@code incidentId} as being mitigated (the brain calls this once a
     * plan acts on it). Returns false when no active incident has that id.
     */
    public boolean markMitigating(String incidentId, long atMillis) {
        return lifecycle.markMitigating(incidentId, atMillis);
    }

    /** Returns the incidents active now, ordered by start time then id. */
    public List<Incident> active() {
        return lifecycle.active();
    }

    /** Returns the number of series tracked (pools, backends and paths), for benchmarks and tests. */
    public int trackedSeries() {
        int n = 0;
        for (PoolTracker t : pools.values()) {
            n += 1 + t.backends.size() + t.paths.size();
        }
        return n;
    }

    /** Returns the configuration. */
    public DetectorConfig config() {
        return config;
    }

    private void evictStale(long now) {
        long limit = config.evictAfterMillis();
        for (Iterator<PoolTracker> it = pools.values().iterator(); it.hasNext(); ) {
            PoolTracker t = it.next();
            for (Iterator<BackendTracker> bi = t.backends.values().iterator(); bi.hasNext(); ) {
                BackendTracker b = bi.next();
                if (now - b.lastSeenMillis > limit) {
                    bi.remove();
                    backendsById.remove(b.backendId, b);
                }
            }
            t.order = new BackendTracker[0]; // may hold evicted trackers; rebuilt on the next tick
            t.paths.values().removeIf(pt -> now - pt.lastSeenMillis > limit);
            if (now - t.lastSeenMillis > limit) {
                for (BackendTracker b : t.backends.values()) {
                    backendsById.remove(b.backendId, b);
                }
                it.remove();
            }
        }
    }
}
