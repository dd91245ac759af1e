package org.vmshield.brain.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.LatencyMillis;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.SourceStat;
import org.vmshield.model.telemetry.SourceStats;
import org.vmshield.model.telemetry.StatusCounts;
import org.vmshield.model.telemetry.TrafficStats;

/**
 * Builds one pool's figures for one tick of synthetic telemetry: legitimate traffic with a little
 * seeded noise, plus attack overlays (flood, flash crowd, costly path, slowloris).
 */
final class SyntheticPool {
    /** Legitimate path mix: path, share of requests, mean backend time. */
    private static final Object[][] MIX = {{"/", 0.6, 2.0}, {"/search", 0.3, 10.0}, {"/static", 0.1, 1.0}};

    private final String pool;
    private final String service;
    private final SplittableRandom rnd;
    private double rps;
    private double newConnectionsPerSec;
    private long connectionsOpen;
    private long distinct;
    private double newSourcesPerSec;
    private double p50Millis = 5;
    private final List<SourceStat> byRequests = new ArrayList<>();
    private final List<SourceStat> byConnections = new ArrayList<>();
    private final Map<String, double[]> paths = new LinkedHashMap<>(); // path -> {rps, meanMs}
    private final List<String> backendIds = new ArrayList<>();
    private final Map<String, Double> backendP90 = new LinkedHashMap<>();
    private final Map<String, Double> backendExtraRps = new LinkedHashMap<>();

    private SyntheticPool(String pool, String service, long seed) {
        this.pool = pool;
        this.service = service;
        this.rnd = new SplittableRandom(seed);
    }

    /**
     * Returns a pool with legitimate traffic: {@code rps} requests per second (±5%) from
     * {@code sources} clients at equal rates, the usual path mix, two backends.
     */
    static SyntheticPool legit(String pool, double rps, int sources, long seed) {
        SyntheticPool p = new SyntheticPool(pool, pool, seed);
        double r = rps * (0.95 + 0.1 * p.rnd.nextDouble());
        p.rps = r;
        p.newConnectionsPerSec = r / 10;
        p.connectionsOpen = Math.max(1, sources / 5);
        p.distinct = sources;
        p.newSourcesPerSec = sources * 0.01 * (0.8 + 0.4 * p.rnd.nextDouble());
        double perSource = r / sources;
        for (int i = 0; i < Math.min(10, sources); i++) {
            double ri = perSource * (1 + 0.5 * p.rnd.nextDouble());
            p.byRequests.add(new SourceStat("10.0." + (i / 250) + "." + (i % 250 + 1), ri, 1, 0, 0));
            p.byConnections.add(new SourceStat("10.0." + (i / 250) + "." + (i % 250 + 1), ri, 2, 0, 0));
        }
        for (Object[] m : MIX) {
            double cost = (double) m[2] * (0.9 + 0.2 * p.rnd.nextDouble());
            p.paths.put((String) m[0], new double[] {r * (double) m[1], cost});
        }
        p.backendIds.add(pool + "-1");
        p.backendIds.add(pool + "-2");
        return p;
    }

    /** Adds a flood from {@code addresses}, each at {@code rpsEach}, all on path {@code /}. */
    SyntheticPool flood(List<String> addresses, double rpsEach) {
        double total = rpsEach * addresses.size();
        rps += total;
        newConnectionsPerSec += total / 100;
        distinct += addresses.size();
        for (String a : addresses) {
            byRequests.add(new SourceStat(a, rpsEach, 1, 0, 0));
        }
        paths.get("/")[0] += total;
        return this;
    }

    /**
     * Adds {@code count} new clients at {@code rpsEach} each, with the usual path mix; {@code justArrived}
     * counts them as new sources (a fifth of them per second).
     */
    SyntheticPool newcomers(int count, double rpsEach, boolean justArrived) {
        double extra = count * rpsEach;
        double factor = (rps + extra) / rps;
        rps += extra;
        newConnectionsPerSec *= factor;
        connectionsOpen = (long) (connectionsOpen * factor);
        distinct += count;
        if (justArrived) {
            newSourcesPerSec += count / 5.0;
        }
        for (double[] v : paths.values()) {
            v[0] *= factor;
        }
        return this;
    }

    /** Adds a flood of new connections without requests: each of {@code addresses} opens {@code cpsEach} per second and holds {@code openEach}. */
    SyntheticPool connectionFlood(List<String> addresses, double cpsEach, long openEach) {
        newConnectionsPerSec += cpsEach * addresses.size();
        connectionsOpen += openEach * addresses.size();
        distinct += addresses.size();
        for (String a : addresses) {
            byConnections.add(new SourceStat(a, 0, openEach, 0, 0));
        }
        return this;
    }

    /** Adds a flash crowd: {@code extraSources} new clients at the legitimate per-source rate and path mix. */
    SyntheticPool flashCrowd(int extraSources, boolean justArrived) {
        return newcomers(extraSources, rps / distinct, justArrived);
    }

    /** Makes requests to {@code path} cost {@code meanMillis} each, plus {@code attackRps} crafted ones from {@code attacker}. */
    SyntheticPool costly(String path, double meanMillis, String attacker, double attackRps) {
        double[] v = paths.get(path);
        v[0] += attackRps;
        v[1] = meanMillis;
        rps += attackRps;
        byRequests.add(new SourceStat(attacker, attackRps, 1, 0, 0));
        distinct += 1;
        p50Millis *= 2;
        return this;
    }

    /**
     * Slows every request down by {@code factor}, as a VM starved of CPU by a neighbour does:
     * every path's cost and the pool's latency grow by the same factor.
     */
    SyntheticPool starved(double factor) {
        for (double[] v : paths.values()) {
            v[1] *= factor;
        }
        p50Millis *= factor;
        return this;
    }

    /** Keeps only the paths {@code keep} (a service whose clients use a single page, say). */
    SyntheticPool onlyPaths(String... keep) {
        paths.keySet().retainAll(List.of(keep));
        return this;
    }

    /** Adds requests to a path the pool may never have seen: {@code attackRps} from {@code attacker} at {@code meanMillis} each. */
    SyntheticPool newPath(String path, double meanMillis, String attacker, double attackRps) {
        paths.put(path, new double[] {attackRps, meanMillis});
        rps += attackRps;
        byRequests.add(new SourceStat(attacker, attackRps, 1, 0, 0));
        distinct += 1;
        return this;
    }

    /** Sets a path's mean backend time without touching the pool's median (a few slow outliers). */
    SyntheticPool pathMean(String path, double meanMillis) {
        paths.get(path)[1] = meanMillis;
        return this;
    }

    /** Adds a slowloris: {@code address} holds {@code idle} idle connections. */
    SyntheticPool slowloris(String address, long idle) {
        connectionsOpen += idle;
        byConnections.add(new SourceStat(address, 0, idle, idle, 0));
        distinct += 1;
        return this;
    }

    /** Sets the p90 latency of one backend (for a neighbour slowed by a saturating VM). */
    SyntheticPool backendP90(String backendId, double p90Millis) {
        backendP90.put(backendId, p90Millis);
        return this;
    }

    /** Sends {@code extraRps} more requests to one backend only (pool totals unchanged: a small share). */
    SyntheticPool backendFlood(String backendId, double extraRps) {
        backendExtraRps.put(backendId, extraRps);
        return this;
    }

    /** Replaces the backends with {@code ids} (they share the pool's rate equally). */
    SyntheticPool backends(List<String> ids) {
        backendIds.clear();
        backendIds.addAll(ids);
        return this;
    }

    /** Returns the pool's figures. */
    PoolStats build() {
        List<PathStat> byReq = new ArrayList<>();
        for (Map.Entry<String, double[]> e : paths.entrySet()) {
            double[] v = e.getValue();
            byReq.add(new PathStat(e.getKey(), v[0], v[0] * v[1], v[1]));
        }
        List<PathStat> byTime = new ArrayList<>(byReq);
        byReq.sort((a, b) -> Double.compare(b.requestsPerSec(), a.requestsPerSec()));
        byTime.sort((a, b) -> Double.compare(b.backendMillisPerSec(), a.backendMillisPerSec()));
        List<SourceStat> topReq = new ArrayList<>(byRequests);
        topReq.sort((a, b) -> Double.compare(b.requestsPerSec(), a.requestsPerSec()));
        List<SourceStat> topConn = new ArrayList<>(byConnections);
        topConn.sort((a, b) -> Long.compare(b.openConnections(), a.openConnections()));
        List<BackendStats> backends = new ArrayList<>();
        for (String id : backendIds) {
            double p90 = backendP90.getOrDefault(id, p50Millis * 2);
            TrafficStats bt = traffic(rps / backendIds.size() + backendExtraRps.getOrDefault(id, 0.0), connectionsOpen / backendIds.size(),
                    new LatencyMillis((long) (rps / backendIds.size()) + 1, p50Millis, p90, p90 * 2, p90 * 3));
            backends.add(new BackendStats(id, "127.0.0.1:8080", "active", 100, true, bt));
        }
        TrafficStats total = traffic(rps, connectionsOpen,
                new LatencyMillis((long) rps + 1, p50Millis, p50Millis * 2, p50Millis * 4, p50Millis * 6));
        return new PoolStats(pool, service, total, backends,
                new SourceStats(topReq, topConn, distinct, newSourcesPerSec), byReq, byTime, List.of());
    }

    private TrafficStats traffic(double r, long open, LatencyMillis latency) {
        return new TrafficStats(r, (long) (r / 100), latency, new StatusCounts(0, (long) r, 0, 0, 0, 0), open,
                newConnectionsPerSec * (r / Math.max(rps, 1e-9)), r * 200, r * 2000);
    }

    /** Returns {@code n} attacker addresses {@code 203.0.113.x} style, on loopback-style 127.66.x.y. */
    static List<String> attackers(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add("127.66." + (i / 250) + "." + (i % 250 + 1));
        }
        return out;
    }
}
