package org.vmshield.brain.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmshield.brain.incident.Evidence;
import org.vmshield.brain.incident.Finding;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentTarget;
import org.vmshield.brain.incident.Severity;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.SourceStat;

/**
 * Connection exhaustion (slowloris): many long-open idle connections held by few sources. Keeps the
 * pool's open-connection baseline, frozen while exhaustion is seen and for the hold-down after.
 */
final class ConnectionExhaustionDetector {
    private final BaselineConfig baseline;
    private final ConnectionConfig conn;
    private final FloodConfig flood;
    private final long freezeMillis;

    ConnectionExhaustionDetector(DetectorConfig config) {
        this.baseline = config.baseline();
        this.conn = config.connections();
        this.flood = config.flood();
        this.freezeMillis = config.hysteresis().holdDownMillis();
    }

    /** Judges one pool's connections, adds a finding to {@code out} on exhaustion, then learns. */
    void evaluate(PoolStats p, PoolTracker t, long now, List<Finding> out) {
        long open = p.traffic().connectionsOpen();
        List<SourceStat> top = p.sources().topByConnections();
        long idleAll = 0;
        int holders = 0;
        for (int i = 0, n = top.size(); i < n; i++) {
            long idle = top.get(i).idleConnections();
            if (idle >= conn.minIdlePerSource()) {
                idleAll += idle;
                holders++;
            }
        }
        if (holders > 0 && idleAll >= conn.minIdleConnections()) {
            Finding f = judge(p, t, open, top);
            if (f != null) {
                out.add(f);
                t.lastConnectionAnomalyMillis = now;
            }
        }
        // a flood (seen by the volumetric detector earlier in this tick) must not teach its connections either
        if (now - Math.max(t.lastConnectionAnomalyMillis, t.lastRateAnomalyMillis) > freezeMillis) {
            t.connectionsOpen.update(open, baseline.alpha(), baseline.warmupSamples());
        }
    }

    private Finding judge(PoolStats p, PoolTracker t, long open, List<SourceStat> top) {
        List<SourceStat> holders = new ArrayList<>();
        for (SourceStat s : top) {
            if (s.idleConnections() >= conn.minIdlePerSource()) {
                holders.add(s);
            }
        }
        holders.sort((a, b) -> {
            int c = Long.compare(b.idleConnections(), a.idleConnections());
            return c != 0 ? c : a.address().compareTo(b.address());
        });
        long idle = 0;
        List<SuspectedSource> suspects = new ArrayList<>();
        for (int i = 0; i < holders.size() && i < conn.maxSources(); i++) {
            SourceStat s = holders.get(i);
            idle += s.idleConnections();
            double share = open > 0 ? Math.min(1, (double) s.openConnections() / open) : 0;
            suspects.add(new SuspectedSource(s.address(), s.requestsPerSec(), s.openConnections(), s.idleConnections(), share));
        }
        double share = open > 0 ? Math.min(1, (double) idle / open) : 0;
        if (idle < conn.minIdleConnections() || share < conn.minShareOfOpen()) {
            return null; // idle connections spread over many sources, or a small part of the pool's
        }
        int warm = baseline.warmupSamples();
        double openThr = Double.NaN;
        if (t.connectionsOpen.isWarm(warm)) {
            openThr = t.connectionsOpen.threshold(conn.minOpenRatio(), flood.zScore(), conn.minIdleConnections());
            if (open <= openThr) {
                return null; // as many connections as usual: not exhausting anything
            }
        }
        List<Evidence> ev = List.of(
                Evidence.fixed("sources.idleConnections", idle, conn.minIdleConnections(), "connections"),
                Evidence.fixed("sources.idleShareOfOpen", share, conn.minShareOfOpen(), "fraction"),
                new Evidence("pool.connectionsOpen", open, t.connectionsOpen.mean(), t.connectionsOpen.stdDev(),
                        openThr, "connections"));
        double ratio = Double.isNaN(openThr) ? (double) idle / conn.minIdleConnections() : open / openThr;
        double conf = Double.isNaN(openThr) ? 0.5 : Scores.confidence(open, t.connectionsOpen.mean(), openThr);
        return new Finding(IncidentKind.CONNECTION_EXHAUSTION, IncidentTarget.pool(p.pool(), p.service()),
                Severity.ofThresholdRatio(ratio), conf, ev, suspects, SourceSpread.CONCENTRATED, List.of(),
                Optional.empty());
    }
}
