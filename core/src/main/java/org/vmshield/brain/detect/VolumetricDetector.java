package org.vmshield.brain.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.vmshield.brain.incident.Evidence;
import org.vmshield.brain.incident.Finding;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentTarget;
import org.vmshield.brain.incident.Severity;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.SourceStat;
import org.vmshield.model.telemetry.SourceStats;
import org.vmshield.model.telemetry.TrafficStats;

/**
 * Volumetric floods of a pool (request or new-connection rate far above its baseline) and of a
 * single backend, told apart from flash crowds (many new sources at normal per-source rates and a
 * normal path mix). Also keeps the pool's and backends' rate baselines, frozen while a flood is
 * seen and for the hold-down after it, learning slowly during a flash crowd.
 */
final class VolumetricDetector {
    private final BaselineConfig baseline;
    private final FloodConfig flood;
    private final FlashCrowdConfig flash;
    private final long freezeMillis;
    private final double[] scratch;
    /** In-flight growth older than this (a pool not reported for a while) says nothing of the last tick. */
    private static final long MAX_IN_FLIGHT_GAP_MILLIS = 5_000;
    /**
     * A new client of a crowd sends a request as it connects: per new source per second, at least
     * half a request answered, or waiting (in flight).
     */
    private static final double MIN_REQUESTS_PER_NEW_SOURCE = 0.5;
    /** Newcomers above their normal rate by fewer than this per second are ordinary churn. */
    private static final double MIN_NEWCOMERS_PER_SEC = 4;
    /**
     * Repeated requests of a surge above what its sources may send as a crowd must exceed this (per
     * second), and twice the pool's usual tick-to-tick swing, to call it a flood: below, it is noise.
     */
    private static final double MIN_REPEAT_EXCESS_PER_SEC = 5;

    VolumetricDetector(DetectorConfig config) {
        this.baseline = config.baseline();
        this.flood = config.flood();
        this.flash = config.flashCrowd();
        this.freezeMillis = config.hysteresis().holdDownMillis();
        this.scratch = new double[flood.concentratedMaxSources()];
    }

    /** Judges one pool and its backends, adds findings to {@code out}, then lets the baselines learn. */
    void evaluate(PoolStats p, PoolTracker t, long now, List<Finding> out, HashMap<String, BackendTracker> index) {
        TrafficStats tr = p.traffic();
        SourceStats s = p.sources();
        // requests are judged as they arrive, as the source and path figures count them: a slow backend
        // answers a surge late, and the queue it drains afterwards is no new traffic
        // the paths count requests as they are admitted: the best figure when there is one (answers
        // plus the growth in flight miss the requests whose clients gave up waiting)
        double r = Math.max(arrivals(tr, t, now), sumRates(p.topPathsByRequests()));
        double c = tr.newConnectionsPerSec();
        double distinct = s.distinctSources();
        double topShare = r > 0 ? Math.min(1, Scores.sumTopRates(s.topByRequests(), flood.concentratedMaxSources(), scratch) / r) : 0;
        double mix = pathMixDistance(p.topPathsByRequests(), t, r, now);
        int warm = baseline.warmupSamples();

        double thrR = t.requests.threshold(flood.minRatio(), flood.zScore(), flood.minIncreaseRequestsPerSec());
        double thrC = t.newConnections.threshold(flood.minRatio(), flood.zScore(), flood.minIncreaseConnectionsPerSec());
        boolean badR = t.requests.isWarm(warm) && r > thrR;
        boolean badC = t.newConnections.isWarm(warm) && c > thrC;
        boolean flashCrowd = false;
        List<SuspectedSource> poolSuspects = null;
        if (badR || badC) {
            boolean crowdLike = isFlashCrowd(t, badR, r, c, tr.inFlight(), distinct, s.newSourcesPerSec(), topShare, mix);
            Evidence tooFast = crowdLike
                    ? repeatsFasterThanClients(t, r, s.newSourcesPerSec(), s.recentSources()) : null;
            flashCrowd = crowdLike && tooFast == null;
            if (flashCrowd) {
                t.lastFlashCrowdMillis = now;
                out.add(flashFinding(p, t, badR, badR ? r : c, badR ? thrR : thrC, r, distinct,
                        s.newSourcesPerSec(), topShare, mix));
            } else {
                poolSuspects = badR ? suspects(s, t, r) : connectionSuspects(p, t);
                out.add(floodFinding(p, t, r, thrR, badR, c, thrC, badC, topShare, poolSuspects, tooFast));
                t.lastRateAnomalyMillis = now;
            }
        }

        double alpha = baseline.alpha();
        boolean crowdLevel = false; // a crowd shifts the level slowly; it is no noise to learn
        if (flashCrowd) {
            alpha *= baseline.flashCrowdLearnFactor();
            crowdLevel = true;
        } else if (now - t.lastRateAnomalyMillis <= freezeMillis) {
            alpha = 0; // a flood now or within the hold-down: learn nothing of it
        } else if (now - t.lastFlashCrowdMillis <= freezeMillis || newcomersArriving(t, s.newSourcesPerSec())) {
            // a crowd's tick that happens to fall under the threshold (its first, partial one, say):
            // learned at full speed, it raised the threshold over the crowd within seconds and the
            // crowd was never reported
            alpha *= baseline.flashCrowdLearnFactor();
            crowdLevel = true;
        }
        if (alpha > 0) {
            learn(t.requests, r, alpha, crowdLevel);
            learn(t.newConnections, c, alpha, crowdLevel);
            learn(t.distinctSources, distinct, alpha, crowdLevel);
            learn(t.newSources, s.newSourcesPerSec(), alpha, crowdLevel);
            if (s.recentSources() > 0) {
                learn(t.recentSources, s.recentSources(), alpha, crowdLevel);
            }
            t.topShare.update(topShare, alpha, warm);
            if (r > 0) {
                List<PathStat> paths = p.topPathsByRequests();
                for (int i = 0, n = paths.size(); i < n; i++) {
                    PathStat ps = paths.get(i);
                    t.paths.get(ps.path()).share.update(ps.requestsPerSec() / r, alpha, warm);
                }
            }
        }
        // during a crowd and its hold-down, a backend's extra load (a queue it drains, say) is the crowd's
        boolean poolBusy = badR || badC || now - t.lastFlashCrowdMillis <= freezeMillis;
        evaluateBackends(p, t, now, out, index, poolBusy, alpha, poolSuspects);
    }

    private void evaluateBackends(PoolStats p, PoolTracker t, long now, List<Finding> out,
            HashMap<String, BackendTracker> index, boolean poolBad, double poolAlpha, List<SuspectedSource> poolSuspects) {
        int warm = baseline.warmupSamples();
        List<BackendStats> backends = p.backends();
        int n = backends.size();
        if (t.order.length != n) {
            t.order = new BackendTracker[n];
        }
        BackendTracker[] order = t.order;
        for (int i = 0; i < n; i++) {
            BackendStats b = backends.get(i);
            String id = b.backendId();
            if (id == null || b.traffic() == null || b.traffic().latency() == null) {
                continue; // a backend without figures tells nothing
            }
            BackendTracker bt = order[i];
            if (bt == null || (bt.backendId != id && !bt.backendId.equals(id))) {
                bt = t.backends.get(id);
                if (bt == null) {
                    bt = new BackendTracker(id);
                    t.backends.put(id, bt);
                    index.put(id, bt);
                }
                order[i] = bt;
            }
            TrafficStats tr = b.traffic();
            double rb = tr.requestsPerSec();
            bt.lastSeenMillis = now;
            bt.lastLatencyP90 = tr.latency().count() > 0 ? tr.latency().p90() : Double.NaN;
            if (!poolBad && bt.requests.isWarm(warm)) {
                double thr = bt.requests.threshold(flood.minRatio(), flood.zScore(), flood.minIncreaseRequestsPerSec());
                if (rb > thr) {
                    if (poolSuspects == null) {
                        poolSuspects = suspects(p.sources(), t, p.traffic().requestsPerSec());
                    }
                    out.add(backendFinding(p, b.backendId(), bt, rb, thr, poolSuspects));
                    bt.lastAnomalyMillis = now;
                }
            }
            double alpha = now - bt.lastAnomalyMillis <= freezeMillis ? 0 : poolAlpha;
            if (alpha > 0) {
                bt.requests.update(rb, alpha, warm);
                double p90 = bt.lastLatencyP90;
                // a neighbour slowed by a saturating VM must not teach its own latency as normal
                if (!Double.isNaN(p90) && (!bt.latencyP90.isWarm(warm) || p90 <= 2 * bt.latencyP90.mean())) {
                    bt.latencyP90.update(p90, alpha, warm);
                }
            }
        }
    }

    private void learn(EwmaBaseline b, double x, double alpha, boolean levelOnly) {
        if (levelOnly) {
            b.updateLevel(x, alpha, baseline.warmupSamples());
        } else {
            b.update(x, alpha, baseline.warmupSamples());
        }
    }

    /** Returns true when new sources arrive well above their normal rate: the traffic is changing. */
    private boolean newcomersArriving(PoolTracker t, double newSources) {
        double newBase = t.newSources.mean();
        return t.newSources.isWarm(baseline.warmupSamples())
                && newSources >= Math.max(flash.minSourceGrowthRatio() * newBase, newBase + MIN_NEWCOMERS_PER_SEC);
    }

    /**
     * Returns the rate at which requests arrived over the last tick: those answered plus the growth of
     * those in flight. A slow backend answers a surge late; its requests are counted when they come.
     */
    private static double arrivals(TrafficStats tr, PoolTracker t, long now) {
        double r = tr.requestsPerSec();
        long inFlight = tr.inFlight();
        long dt = now - t.lastInFlightMillis;
        double a = r;
        if (t.lastInFlightMillis != PoolTracker.NEVER && dt > 0 && dt <= MAX_IN_FLIGHT_GAP_MILLIS) {
            a = Math.max(0, r + (inFlight - t.lastInFlight) * 1000.0 / dt);
        }
        t.lastInFlight = inFlight;
        t.lastInFlightMillis = now;
        return a;
    }

    /**
     * Returns the request rate per source of the surge itself: its extra requests over its extra
     * distinct sources (mixed with the usual clients, bots at twice their rate would look normal);
     * the pool's plain rate per source when there is no such excess.
     */
    private static double surgePerSource(PoolTracker t, double arrivals, double distinct) {
        double extraRequests = arrivals - t.requests.mean();
        double extraSources = distinct - t.distinctSources.mean();
        return extraRequests > 0 && extraSources >= 1 ? extraRequests / extraSources : arrivals / Math.max(1, distinct);
    }

    /**
     * Returns true when the surge is more clients behaving like the usual ones. {@code byRequests}:
     * the request rate surged; otherwise only new connections did, as in the first ticks of a crowd
     * on a slow backend, where each new client opens a connection at once and is answered later.
     */
    private boolean isFlashCrowd(PoolTracker t, boolean byRequests, double arrivals, double c, long inFlight,
            double distinct, double newSources, double topShare, double mix) {
        double perSourceBase = t.perSourceBaseline();
        if (!(perSourceBase > 0) || distinct < 1 || !t.newSources.isWarm(baseline.warmupSamples())) {
            return false; // without source figures a surge cannot be cleared as legitimate
        }
        double extraRequests = arrivals - t.requests.mean();
        double perSourceRatio = surgePerSource(t, arrivals, distinct) / perSourceBase;
        double newBase = t.newSources.mean();
        // new sources arrive at the start of a crowd; afterwards the crowd shows as more distinct sources
        boolean moreSources = newSources >= Math.max(flash.minSourceGrowthRatio() * newBase, newBase + 1)
                || distinct >= flash.minSourceGrowthRatio() * t.distinctSources.mean();
        boolean notConcentrated = topShare <= t.topShare.mean() + flash.maxTopShareIncrease();
        if (!byRequests) {
            // only connections surged: new clients must account for them and send requests on them
            double extraNew = newSources - newBase;
            double extraConnections = c - t.newConnections.mean();
            boolean explained = extraNew >= 1 && extraConnections <= flash.maxConnectionsPerNewSource() * extraNew;
            // requests answered, or waiting: a client that gives up on a slow backend is counted nowhere
            boolean sendsRequests = extraRequests >= MIN_REQUESTS_PER_NEW_SOURCE * extraNew
                    || inFlight >= MIN_REQUESTS_PER_NEW_SOURCE * extraNew;
            if (!explained || !sendsRequests) {
                return false;
            }
        }
        return perSourceRatio <= flash.maxPerSourceRatio() && moreSources && notConcentrated
                && mix <= flash.maxPathMixDistance();
    }

    /**
     * Returns true when the sources of a surge, judged over the balancer's recent window, each send
     * more than the pool's clients do: the surge's repeated requests (all of its requests but the
     * first of each new source) over the extra sources the window holds, against the same figure for
     * the usual traffic. One tick shows a client that sends every few seconds once, whatever its
     * rate; over the window, a fixed population of bots shows its rate as soon as all of them have
     * been seen, while a crowd's newcomers keep this figure at their own, normal rate from the start
     * (its repeats and its population grow together). {@code arrivals}: the requests admitted per second.
     * Returns the evidence when they do, null otherwise.
     */
    private Evidence repeatsFasterThanClients(PoolTracker t, double arrivals, double newSources, long recent) {
        if (recent <= 0 || !t.recentSources.isWarm(baseline.warmupSamples())) {
            return null; // no window figure: the tick's own figures decide
        }
        double baseRepeats = t.requests.mean() - t.newSources.mean();
        double basePopulation = t.recentSources.mean();
        double extraSources = recent - basePopulation;
        if (!(baseRepeats > 0) || basePopulation < 1 || extraSources < 1) {
            return null;
        }
        double perSourceBase = baseRepeats / basePopulation;
        double limit = flash.maxPerSourceRatio() * perSourceBase * extraSources
                + Math.max(MIN_REPEAT_EXCESS_PER_SEC, 2 * t.requests.stdDev());
        double extraRepeats = arrivals - t.requests.mean() - Math.max(0, newSources - t.newSources.mean());
        if (extraRepeats <= limit) {
            return null;
        }
        return new Evidence("pool.surgeRepeatsPerSecPerRecentSource", extraRepeats / extraSources, perSourceBase,
                Double.NaN, limit / extraSources, "rps");
    }

    private static double sumRates(List<PathStat> paths) {
        double sum = 0;
        for (int i = 0, n = paths.size(); i < n; i++) {
            sum += paths.get(i).requestsPerSec();
        }
        return sum;
    }

    /**
     * Returns the total-variation distance (0..1) between the current share of requests per top path
     * and the learned shares, counting the paths outside the top list as one "other" bucket.
     * Registers the paths seen. {@code r}: the pool's rate, at least the listed paths' together.
     */
    private static double pathMixDistance(List<PathStat> paths, PoolTracker t, double r, long now) {
        double absSum = 0;
        double curSum = 0;
        double baseSum = 0;
        for (int i = 0, n = paths.size(); i < n; i++) {
            PathStat ps = paths.get(i);
            PathTracker pt = t.paths.computeIfAbsent(ps.path(), PathTracker::new);
            pt.lastSeenMillis = now;
            if (r <= 0) {
                continue;
            }
            double cur = ps.requestsPerSec() / r;
            double base = pt.share.samples() > 0 ? pt.share.mean() : 0;
            absSum += Math.abs(cur - base);
            curSum += cur;
            baseSum += base;
        }
        return r <= 0 ? 0 : Math.min(1, 0.5 * (absSum + Math.abs(baseSum - curSum)));
    }

    private List<SuspectedSource> suspects(SourceStats s, PoolTracker t, double r) {
        double perSource = t.perSourceBaseline();
        double min = perSource > 0 ? perSource * flood.suspectPerSourceFactor() : 0;
        return Scores.byRate(s.topByRequests(), min, flood.maxSuspectedSources(), r);
    }

    /**
     * Returns the suspects of a flood of new connections without more requests: the sources holding
     * the most open connections, as many as it takes to account for the excess of open connections
     * over their normal (the top source alone when there is no excess to explain).
     */
    private List<SuspectedSource> connectionSuspects(PoolStats p, PoolTracker t) {
        long open = p.traffic().connectionsOpen();
        double excess = open - t.connectionsOpen.mean();
        List<SourceStat> picked = new ArrayList<>(p.sources().topByConnections());
        picked.sort((a, b) -> {
            int cmp = Long.compare(b.openConnections(), a.openConnections());
            return cmp != 0 ? cmp : a.address().compareTo(b.address());
        });
        List<SuspectedSource> out = new ArrayList<>();
        double covered = 0;
        for (int i = 0; i < picked.size() && i < flood.maxSuspectedSources(); i++) {
            SourceStat src = picked.get(i);
            if (src.openConnections() <= 0 || (!out.isEmpty() && covered >= 0.9 * excess)) {
                break;
            }
            covered += src.openConnections();
            double share = open > 0 ? Math.min(1, (double) src.openConnections() / open) : 0;
            out.add(new SuspectedSource(src.address(), src.requestsPerSec(), src.openConnections(),
                    src.idleConnections(), share));
        }
        return out;
    }

    private SourceSpread spread(SourceStats s, double topShare) {
        if (s.topByRequests().isEmpty()) {
            return SourceSpread.UNKNOWN;
        }
        return topShare >= flood.concentratedShare() ? SourceSpread.CONCENTRATED : SourceSpread.DISTRIBUTED;
    }

    /** {@code perSourceRate}: the evidence that a crowd-like surge's sources send too fast, or null. */
    private Finding floodFinding(PoolStats p, PoolTracker t, double r, double thrR, boolean badR, double c,
            double thrC, boolean badC, double topShare, List<SuspectedSource> suspects, Evidence perSourceRate) {
        List<Evidence> ev = new ArrayList<>(5);
        ev.add(new Evidence("pool.requestsPerSec", r, t.requests.mean(), t.requests.stdDev(), thrR, "rps"));
        if (badC) {
            ev.add(new Evidence("pool.newConnectionsPerSec", c, t.newConnections.mean(), t.newConnections.stdDev(),
                    thrC, "cps"));
        }
        ev.add(new Evidence("pool.topSourcesShare", topShare, t.topShare.mean(), t.topShare.stdDev(),
                flood.concentratedShare(), "fraction"));
        ev.add(new Evidence("pool.distinctSources", p.sources().distinctSources(), t.distinctSources.mean(),
                t.distinctSources.stdDev(), Double.NaN, "sources"));
        if (perSourceRate != null) {
            ev.add(perSourceRate);
        }
        double ratio = Math.max(badR ? r / thrR : 0, badC ? c / thrC : 0);
        double conf = Math.max(badR ? Scores.confidence(r, t.requests.mean(), thrR) : 0,
                badC ? Scores.confidence(c, t.newConnections.mean(), thrC) : 0);
        SourceSpread spread;
        if (badR) {
            spread = spread(p.sources(), topShare);
        } else {
            // connections without requests: concentration is judged on the suspects' open connections
            double connShare = 0;
            for (int i = 0; i < suspects.size() && i < flood.concentratedMaxSources(); i++) {
                connShare += suspects.get(i).shareOfPool();
            }
            spread = suspects.isEmpty() ? SourceSpread.UNKNOWN
                    : connShare >= flood.concentratedShare() ? SourceSpread.CONCENTRATED : SourceSpread.DISTRIBUTED;
        }
        return new Finding(IncidentKind.VOLUMETRIC_FLOOD, IncidentTarget.pool(p.pool(), p.service()),
                Severity.ofThresholdRatio(ratio), conf, ev, suspects, spread, List.of(), Optional.empty());
    }

    /** {@code rate} and {@code thr}: the request rate, or the new-connection rate when only that surged. */
    private Finding flashFinding(PoolStats p, PoolTracker t, boolean byRequests, double rate, double thr,
            double arrivals, double distinct, double newSources, double topShare, double mix) {
        Evidence surge = byRequests
                ? new Evidence("pool.requestsPerSec", rate, t.requests.mean(), t.requests.stdDev(), thr, "rps")
                : new Evidence("pool.newConnectionsPerSec", rate, t.newConnections.mean(), t.newConnections.stdDev(),
                        thr, "cps");
        EwmaBaseline surged = byRequests ? t.requests : t.newConnections;
        List<Evidence> ev = List.of(
                surge,
                new Evidence("pool.distinctSources", distinct, t.distinctSources.mean(), t.distinctSources.stdDev(),
                        Double.NaN, "sources"),
                new Evidence("pool.surgeRequestsPerSecPerSource", surgePerSource(t, arrivals, distinct),
                        t.perSourceBaseline(), Double.NaN,
                        t.perSourceBaseline() * flash.maxPerSourceRatio(), "rps"),
                new Evidence("pool.newSourcesPerSec", newSources, t.newSources.mean(), t.newSources.stdDev(),
                        Math.max(flash.minSourceGrowthRatio() * t.newSources.mean(), t.newSources.mean() + 1), "sps"),
                new Evidence("pool.pathMixDistance", mix, 0, Double.NaN, flash.maxPathMixDistance(), "fraction"),
                new Evidence("pool.topSourcesShare", topShare, t.topShare.mean(), t.topShare.stdDev(),
                        t.topShare.mean() + flash.maxTopShareIncrease(), "fraction"));
        return new Finding(IncidentKind.FLASH_CROWD, IncidentTarget.pool(p.pool(), p.service()),
                Severity.ofThresholdRatio(rate / thr), Scores.confidence(rate, surged.mean(), thr), ev, List.of(),
                SourceSpread.DISTRIBUTED, List.of(), Optional.empty());
    }

    private Finding backendFinding(PoolStats p, String backendId, BackendTracker bt, double rb, double thr,
            List<SuspectedSource> suspects) {
        List<Evidence> ev = List.of(
                new Evidence("backend.requestsPerSec", rb, bt.requests.mean(), bt.requests.stdDev(), thr, "rps"));
        double topShare = 0;
        for (SuspectedSource s : suspects) {
            topShare += s.shareOfPool();
        }
        SourceSpread spread = suspects.isEmpty() ? SourceSpread.UNKNOWN : spread(p.sources(), topShare);
        return new Finding(IncidentKind.VOLUMETRIC_FLOOD, IncidentTarget.backend(p.pool(), p.service(), backendId),
                Severity.ofThresholdRatio(rb / thr), Scores.confidence(rb, bt.requests.mean(), thr), ev, suspects,
                spread, List.of(), Optional.empty());
    }
}
