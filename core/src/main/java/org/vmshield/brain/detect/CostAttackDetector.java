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
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;

/**
 * Cost attacks: a path whose mean backend time per request rose sharply while its request rate
 * stayed modest (cheap to send, expensive to serve). One finding per pool naming every such path.
 * Keeps each path's cost and rate baselines, frozen while the path is attacked and for the
 * hold-down after.
 *
 * <p>A path must have slowed down more than the rest of its pool: when a VM is starved of CPU
 * (a saturating neighbour, a flood) every path slows down by about the same factor, and that
 * is saturation, not a cost attack. So each path's threshold is scaled by the pool's slowdown:
 * the smallest slowdown of its other warm paths and of the pool's median latency. Backends
 * share CPU among requests, so a crafted request keeps its cost ratio to the others however
 * starved the VM is.
 */
final class CostAttackDetector {
    private final BaselineConfig baseline;
    private final CostConfig cost;
    private final FloodConfig flood;
    private final long freezeMillis;

    CostAttackDetector(DetectorConfig config) {
        this.baseline = config.baseline();
        this.cost = config.cost();
        this.flood = config.flood();
        this.freezeMillis = config.hysteresis().holdDownMillis();
    }

    /**
     * Returns the mean backend time above which a path is attacked: its baseline scaled by how much
     * the rest of the pool slowed down (backends share CPU among requests, so a starved VM slows
     * every request by about the same factor), then the margins of {@link CostConfig}.
     */
    private double scaledThreshold(double base, double std, double slowdown) {
        double expected = base * slowdown;
        double spread = Double.isFinite(std) ? std * slowdown : 0;
        return Math.max(expected * cost.minRatio(), Math.max(expected + cost.zScore() * spread,
                expected + cost.minIncreaseMillis()));
    }

    /** Judges the paths of one pool (tick {@code tick}), adds a finding to {@code out} if any is attacked. */
    void evaluate(PoolStats p, PoolTracker t, long now, long tick, List<Finding> out) {
        double poolBackendMillisPerSec = 0;
        List<PathStat> byTime = p.topPathsByBackendTime();
        for (int i = 0, n = byTime.size(); i < n; i++) {
            poolBackendMillisPerSec += byTime.get(i).backendMillisPerSec();
        }
        int warm = baseline.warmupSamples();
        double typical = t.latencyP50.isWarm(warm) ? t.latencyP50.mean() : Double.NaN;
        double poolSlowdown = Double.POSITIVE_INFINITY;
        if (typical > 0 && p.traffic().latency().count() > 0) {
            poolSlowdown = p.traffic().latency().p50() / typical;
        }
        // the two smallest slowdowns of warm paths: a path is compared with the others, not itself
        double lowest = Double.POSITIVE_INFINITY;
        double secondLowest = Double.POSITIVE_INFINITY;
        String lowestPath = null;
        for (int list = 0; list < 2; list++) {
            List<PathStat> paths = list == 0 ? byTime : p.topPathsByRequests();
            for (int i = 0, n = paths.size(); i < n; i++) {
                PathStat ps = paths.get(i);
                PathTracker pt = t.paths.get(ps.path());
                if (pt == null || !pt.meanBackendMillis.isWarm(warm) || !(ps.requestsPerSec() > 0)
                        || ps.path().equals(lowestPath) || !(pt.meanBackendMillis.mean() > 0)) {
                    continue;
                }
                double slowdown = ps.meanBackendMillis() / pt.meanBackendMillis.mean();
                if (slowdown < lowest) {
                    secondLowest = lowest;
                    lowest = slowdown;
                    lowestPath = ps.path();
                } else if (slowdown < secondLowest) {
                    secondLowest = slowdown;
                }
            }
        }
        List<SuspectedPath> bad = null;
        List<Evidence> ev = null;
        double worstRatio = 0;
        double conf = 0;
        for (int list = 0; list < 2; list++) {
            List<PathStat> paths = list == 0 ? byTime : p.topPathsByRequests();
            for (int i = 0, n = paths.size(); i < n; i++) {
                PathStat ps = paths.get(i);
                PathTracker pt = t.paths.computeIfAbsent(ps.path(), PathTracker::new);
                if (pt.lastCostTick == tick) {
                    continue; // listed by time and by requests: judge once
                }
                pt.lastCostTick = tick;
                pt.lastSeenMillis = now;
                double x = ps.meanBackendMillis();
                double rate = ps.requestsPerSec();
                if (!(rate > 0) || !Double.isFinite(x)) {
                    continue;
                }
                // how much the rest of the pool slowed down; a path with nothing else to compare with
                // (the pool's only warm path) gets its own slowdown, so it is never a cost attack:
                // alone it cannot tell a costly request from a starved VM (that is saturation)
                double others = ps.path().equals(lowestPath) ? secondLowest : lowest;
                double othersSlowdown = Double.isFinite(others) ? Math.min(poolSlowdown, others) : poolSlowdown;
                if (!Double.isFinite(others) && pt.meanBackendMillis.isWarm(warm)) {
                    othersSlowdown = Math.max(othersSlowdown, x / pt.meanBackendMillis.mean());
                }
                double slowdownFactor = Double.isFinite(othersSlowdown) ? Math.max(1, othersSlowdown) : 1;
                double base;
                double std;
                double thr;
                boolean attacked;
                if (pt.meanBackendMillis.isWarm(warm)) {
                    base = pt.meanBackendMillis.mean();
                    std = pt.meanBackendMillis.stdDev();
                    thr = scaledThreshold(base, std, slowdownFactor);
                    double rateLimit = Math.max(pt.requests.mean() * cost.maxRateRatio(),
                            pt.requests.mean() + cost.rateSlackPerSec());
                    attacked = x > thr && rate <= rateLimit && ps.backendMillisPerSec() >= cost.minBackendMillisPerSec();
                } else if (typical > 0) {
                    // a path without a baseline of its own yet (new, or still warming up) is judged
                    // against the pool's typical request: otherwise a crafted path seen first during
                    // the attack would warm up on the attack and learn it as normal
                    base = typical;
                    std = Double.NaN;
                    thr = scaledThreshold(typical, 0, slowdownFactor);
                    attacked = x > thr && ps.backendMillisPerSec() >= cost.minBackendMillisPerSec()
                            && ps.backendMillisPerSec() >= cost.minShareOfBackendTime() * poolBackendMillisPerSec;
                } else {
                    base = Double.NaN;
                    std = Double.NaN;
                    thr = Double.NaN;
                    attacked = false;
                }
                if (attacked) {
                    if (bad == null) {
                        bad = new ArrayList<>();
                        ev = new ArrayList<>();
                    }
                    bad.add(new SuspectedPath(ps.path(), rate, x, base, ps.backendMillisPerSec(),
                            pt.meanBackendMillis.isWarm(warm) ? pt.requests.mean() : 0));
                    ev.add(new Evidence("path " + ps.path() + " meanBackendMillis", x, base, std, thr, "ms"));
                    ev.add(new Evidence("path " + ps.path() + " requestsPerSec", rate, pt.requests.mean(),
                            pt.requests.stdDev(), Double.NaN, "rps"));
                    worstRatio = Math.max(worstRatio, x / thr);
                    conf = Math.max(conf, Scores.confidence(x, base, thr));
                    pt.lastAnomalyMillis = now;
                } else if (now - pt.lastAnomalyMillis > freezeMillis) {
                    pt.meanBackendMillis.update(x, baseline.alpha(), warm);
                    pt.requests.update(rate, baseline.alpha(), warm);
                }
            }
        }
        if (bad != null) {
            t.lastCostAnomalyMillis = now;
            bad.sort((a, b) -> {
                int c = Double.compare(b.backendMillisPerSec(), a.backendMillisPerSec());
                return c != 0 ? c : a.path().compareTo(b.path());
            });
            double perSource = t.perSourceBaseline();
            List<SuspectedSource> sources = perSource > 0
                    ? Scores.byRate(p.sources().topByRequests(), perSource * cost.suspectPerSourceFactor(),
                            flood.maxSuspectedSources(), p.traffic().requestsPerSec())
                    : List.of();
            SourceSpread spread = sources.isEmpty() ? SourceSpread.UNKNOWN
                    : sources.size() <= flood.concentratedMaxSources() ? SourceSpread.CONCENTRATED
                    : SourceSpread.DISTRIBUTED;
            out.add(new Finding(IncidentKind.COST_ATTACK, IncidentTarget.pool(p.pool(), p.service()),
                    Severity.ofThresholdRatio(worstRatio), conf, ev, sources, spread, bad, Optional.empty()));
        }
        double p50 = p.traffic().latency().count() > 0 ? p.traffic().latency().p50() : Double.NaN;
        if (now - t.lastCostAnomalyMillis > freezeMillis) {
            t.latencyP50.update(p50, baseline.alpha(), warm);
        }
    }
}
