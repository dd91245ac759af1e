package org.vmshield.brain.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.vmshield.model.telemetry.BackendStats;
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

/**
 * One pool's telemetry as the demo's balancer reports it, one snapshot per 500 ms tick, simulated
 * source by source: legitimate clients (10 req/s from 50 known sources, Poisson, path {@code /}, on
 * keep-alive connections opened before), plus surges of new sources. As in the balancer, the
 * request rate counts answers (a backend of limited capacity answers late, the rest stays in
 * flight), the source and path figures count requests as they arrive, distinct sources are those
 * seen in the tick (and, as recent sources, in the last 30 s), a source is new the first time it is
 * seen and opens its connection with its first request. Stateful: call {@link #tick(int)} for 0, 1, 2, ... in order. Seeded, so deterministic.
 */
final class DemoShapedTraffic {
    static final long TICK_MILLIS = 500;
    static final double TICK_SECONDS = TICK_MILLIS / 1000.0;
    private static final String POOL = "attacked";
    /** The balancer reports its 10 heaviest sources per list. */
    private static final int TOP_K = 10;
    /** The balancer's recent window: 30 s. */
    private static final int RECENT_TICKS = 60;

    private record Stream(String prefix, int sources, double rps, boolean paced, int from, int to) {}

    private record IdleFlood(String prefix, int sources, int perSource, double connectsPerSec, int from) {}

    private final SplittableRandom rnd;
    private final List<Stream> streams = new ArrayList<>();
    private final List<IdleFlood> idleFloods = new ArrayList<>();
    private final TreeMap<Integer, Double> capacityFrom = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> lastSeenTick = new HashMap<>();
    private final Map<String, Integer> connections = new LinkedHashMap<>();
    private final Map<Stream, double[]> pacing = new HashMap<>(); // {carry, next source}
    private final Map<IdleFlood, double[]> opening = new HashMap<>(); // {carry, opened}
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int timeoutTicks = Integer.MAX_VALUE;
    private double answerCarry;

    private record Waiting(int tick, String source) {}

    DemoShapedTraffic(long seed) {
        this.rnd = new SplittableRandom(seed);
        streams.add(new Stream("legit-", 50, 10, false, 0, Integer.MAX_VALUE));
        for (int i = 0; i < 50; i++) {
            String a = address("legit-", i);
            seen.add(a); // known from the warm-up, connected since
            lastSeenTick.put(a, -1);
            connections.put(a, 1);
        }
        capacityFrom.put(0, Double.POSITIVE_INFINITY);
    }

    /** Adds {@code sources} new clients sending {@code rps} in all, Poisson, during ticks [from, to). */
    DemoShapedTraffic poisson(String prefix, int sources, double rps, int from, int to) {
        streams.add(new Stream(prefix, sources, rps, false, from, to));
        return this;
    }

    /** Adds {@code sources} new clients taking turns evenly at {@code rps} in all (the load generator's http-flood). */
    DemoShapedTraffic paced(String prefix, int sources, double rps, int from, int to) {
        streams.add(new Stream(prefix, sources, rps, true, from, to));
        return this;
    }

    /** Adds {@code sources} new clients opening {@code perSource} connections each, never sending a request. */
    DemoShapedTraffic idleConnections(String prefix, int sources, int perSource, double connectsPerSec, int from) {
        idleFloods.add(new IdleFlood(prefix, sources, perSource, connectsPerSec, from));
        return this;
    }

    /** From tick {@code from} on the backend answers at most {@code rps} (0: paused, as at a migration's switchover). */
    DemoShapedTraffic capacity(int from, double rps) {
        capacityFrom.put(from, rps);
        return this;
    }

    /**
     * Makes clients give up on a request not answered within {@code ticks}: it leaves the backend's
     * queue unanswered (the balancer counts no status for it) and the client closes its connection,
     * so its next request opens a new one.
     */
    DemoShapedTraffic clientTimeout(int ticks) {
        timeoutTicks = ticks;
        return this;
    }

    /** Returns the snapshot of tick {@code i}, at {@link Snapshots#at}-like times 500 ms apart. */
    TelemetrySnapshot tick(int i) {
        Map<String, Integer> requests = new LinkedHashMap<>();
        Set<String> distinct = new HashSet<>();
        int newSources = 0;
        int newConnections = 0;
        long arrived = 0;
        for (Stream s : streams) {
            if (i < s.from() || i >= s.to()) {
                continue;
            }
            for (String a : arrivals(s)) {
                requests.merge(a, 1, Integer::sum);
                distinct.add(a);
                lastSeenTick.put(a, i);
                arrived++;
                queue.add(new Waiting(i, a));
                if (seen.add(a)) {
                    newSources++;
                }
                if (connections.putIfAbsent(a, 1) == null) {
                    newConnections++;
                }
            }
        }
        for (IdleFlood f : idleFloods) {
            if (i < f.from()) {
                continue;
            }
            double[] st = opening.computeIfAbsent(f, k -> new double[2]);
            st[0] += f.connectsPerSec() * TICK_SECONDS;
            while (st[0] >= 1 && st[1] < (double) f.sources() * f.perSource()) {
                String a = address(f.prefix(), (int) (st[1] % f.sources()));
                st[0] -= 1;
                st[1] += 1;
                distinct.add(a);
                lastSeenTick.put(a, i);
                if (seen.add(a)) {
                    newSources++;
                }
                connections.merge(a, 1, Integer::sum);
                newConnections++;
            }
        }
        double capacity = capacityFrom.floorEntry(i).getValue();
        long answered;
        if (Double.isInfinite(capacity)) {
            answered = queue.size();
        } else {
            answerCarry += capacity * TICK_SECONDS;
            answered = Math.min(queue.size(), (long) answerCarry);
            answerCarry -= answered;
            if (answered == queue.size()) {
                answerCarry = 0; // an idle backend saves no capacity for later
            }
        }
        for (long k = 0; k < answered; k++) {
            queue.poll();
        }
        while (!queue.isEmpty() && i - queue.peek().tick() >= timeoutTicks) {
            connections.remove(queue.poll().source()); // gave up, closed its connection: counted nowhere
        }
        long inFlight = queue.size();
        double r = answered / TICK_SECONDS;

        List<SourceStat> byRequests = new ArrayList<>();
        requests.forEach((a, n) -> byRequests.add(new SourceStat(a, n / TICK_SECONDS, connections.getOrDefault(a, 0), 0, 0)));
        byRequests.sort((x, y) -> Double.compare(y.requestsPerSec(), x.requestsPerSec()));
        List<SourceStat> byConnections = new ArrayList<>();
        long open = 0;
        for (Map.Entry<String, Integer> e : connections.entrySet()) {
            open += e.getValue();
            boolean idle = !requests.containsKey(e.getKey()) && e.getValue() > 1;
            byConnections.add(new SourceStat(e.getKey(), requests.getOrDefault(e.getKey(), 0) / TICK_SECONDS,
                    e.getValue(), idle ? e.getValue() : 0, 0));
        }
        byConnections.sort((x, y) -> Long.compare(y.openConnections(), x.openConnections()));

        long recent = lastSeenTick.values().stream().filter(t -> t > i - RECENT_TICKS).count();
        long at = Snapshots.at(0) + i * TICK_MILLIS;
        LatencyMillis latency = new LatencyMillis(answered, 10, 20, 40, 60);
        TrafficStats traffic = new TrafficStats(r, inFlight, latency, new StatusCounts(0, answered, 0, 0, 0, 0), open,
                newConnections / TICK_SECONDS, r * 200, r * 2000);
        // a path counts the requests admitted to it in the tick, answered or not (PathStat)
        PathStat path = new PathStat("/", arrived / TICK_SECONDS, arrived / TICK_SECONDS * 10, 10);
        PoolStats pool = new PoolStats(POOL, POOL, traffic,
                List.of(new BackendStats("b1", "127.0.0.1:8080", "active", 100, true, traffic)),
                new SourceStats(top(byRequests), top(byConnections), distinct.size(), newSources / TICK_SECONDS, recent),
                List.of(path), List.of(path), List.of());
        return new TelemetrySnapshot(at, new TrafficSnapshot(at, TICK_MILLIS, List.of(pool)), HypervisorSnapshot.empty(at));
    }

    private List<String> arrivals(Stream s) {
        List<String> out = new ArrayList<>();
        if (s.paced()) {
            double[] st = pacing.computeIfAbsent(s, k -> new double[2]);
            st[0] += s.rps() * TICK_SECONDS;
            while (st[0] >= 1) {
                st[0] -= 1;
                out.add(address(s.prefix(), (int) st[1]));
                st[1] = (st[1] + 1) % s.sources();
            }
        } else {
            int n = poisson(s.rps() * TICK_SECONDS);
            for (int k = 0; k < n; k++) {
                out.add(address(s.prefix(), rnd.nextInt(s.sources())));
            }
        }
        return out;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    private static List<SourceStat> top(List<SourceStat> sorted) {
        return List.copyOf(sorted.subList(0, Math.min(TOP_K, sorted.size())));
    }

    /** Returns source {@code i} of a stream: addresses are only names to the detectors. */
    private static String address(String prefix, int i) {
        return prefix + i;
    }
}
