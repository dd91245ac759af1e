package org.vmshield.balancer.telemetry;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vmshield.balancer.guard.ratelimit.SourceKeys;
import org.vmshield.model.telemetry.SourceStat;
import org.vmshield.model.telemetry.SourceStats;

/**
 * What one pool knows of its clients, in bounded memory, cheap enough to leave on: heavy hitters
 * by requests (bucketed Space-Saving) and by open connections, idle connections per source,
 * distinct sources (HyperLogLog) per interval and over the last half minute, and new sources per
 * second (two-generation Bloom filter).
 * The event methods are lock-free and allocation-free (IPv6 aside: one copy of the address) and
 * may be called from any event loop; {@link #snapshot(long)} is called from one other thread, once
 * per interval, and starts the next interval. An IPv6 source is reported as its /64.
 *
 * <p>Contract: call {@link #onRequest} for every request received (refused ones too) and
 * {@link #onRefused} in addition for each refused request or connection.
 */
public final class SourceTelemetry {
    /** Default number of heavy hitters reported. */
    public static final int DEFAULT_TOP_K = 10;
    /** Default size of the per-interval request table (slots). */
    public static final int DEFAULT_REQUEST_SLOTS = 4096;
    /** Default size of the open-connection table (slots). */
    public static final int DEFAULT_CONNECTION_SLOTS = 1 << 16;
    /** Default Bloom filter size per generation (bits): 8 Mbit, 1 MiB. */
    public static final int DEFAULT_SEEN_BITS = 1 << 23;
    /** Default age after which a source counts as new again (one generation). */
    public static final long DEFAULT_SEEN_GENERATION_MILLIS = 10 * 60_000;

    private final int topK;
    private final long seed;
    private final long generationMillis;
    private final SeenSources seen;
    private final SourceConnectionCounts connections;
    private final RecentSources recent =
            new RecentSources(RecentSources.DEFAULT_SLICES, RecentSources.DEFAULT_SLICE_MILLIS, 12);
    private final AtomicLong newSources = new AtomicLong();
    private volatile Interval current;
    private Interval spare;
    private long generationAgeMillis;

    /** Per-interval structures; swapped at each snapshot. */
    private static final class Interval {
        final SourceRequestCounts requests;
        final HyperLogLog distinct = new HyperLogLog(12);

        Interval(int slots) {
            requests = new SourceRequestCounts(slots);
        }
    }

    /** Creates a telemetry with the default sizes. */
    public SourceTelemetry() {
        this(DEFAULT_TOP_K, DEFAULT_REQUEST_SLOTS, DEFAULT_CONNECTION_SLOTS, DEFAULT_SEEN_BITS,
                DEFAULT_SEEN_GENERATION_MILLIS, new SecureRandom().nextLong());
    }

    /**
     * Creates a telemetry.
     *
     * @param topK heavy hitters reported per list
     * @param requestSlots per-interval request table size
     * @param connectionSlots open-connection table size
     * @param seenBits Bloom filter bits per generation
     * @param seenGenerationMillis a source unseen for one to two generations counts as new again
     * @param seed hash seed
     */
    public SourceTelemetry(int topK, int requestSlots, int connectionSlots, int seenBits, long seenGenerationMillis,
            long seed) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK: " + topK + " (expected: > 0)");
        }
        if (seenGenerationMillis < 1) {
            throw new IllegalArgumentException("seenGenerationMillis: " + seenGenerationMillis + " (expected: > 0)");
        }
        this.topK = topK;
        this.seed = seed;
        this.generationMillis = seenGenerationMillis;
        this.seen = new SeenSources(seenBits);
        this.connections = new SourceConnectionCounts(connectionSlots);
        this.current = new Interval(requestSlots);
        this.spare = new Interval(requestSlots);
    }

    /** Records a new connection from {@code src} (and whether the source is new). */
    public void onConnectionOpen(InetAddress src) {
        long key = SourceKeys.of(src);
        long h = SourceKeys.hash(key, seed);
        connections.open(key, h);
        current.distinct.add(h);
        recent.add(h);
        if (seen.markNew(SourceKeys.hash(h, 0x9E3779B97F4A7C15L))) {
            newSources.incrementAndGet();
        }
    }

    /** Records that a connection from {@code src} closed; it was not idle. */
    public void onConnectionClose(InetAddress src) {
        onConnectionClose(src, false);
    }

    /** Records that a connection from {@code src} closed; {@code wasIdle} when it was counted idle. */
    public void onConnectionClose(InetAddress src, boolean wasIdle) {
        long key = SourceKeys.of(src);
        connections.close(key, SourceKeys.hash(key, seed), wasIdle);
    }

    /**
     * Records that a connection from {@code src} passed the idle threshold without a complete
     * request ({@code idle} true), or left that state with a complete request ({@code idle} false).
     */
    public void onConnectionIdle(InetAddress src, boolean idle) {
        long key = SourceKeys.of(src);
        connections.idle(key, SourceKeys.hash(key, seed), idle);
    }

    /** Records a request from {@code src}. */
    public void onRequest(InetAddress src) {
        long key = SourceKeys.of(src);
        long h = SourceKeys.hash(key, seed);
        Interval in = current;
        in.requests.add(key, h, false);
        in.distinct.add(h);
        recent.add(h);
    }

    /** Records a refused request or connection from {@code src}. */
    public void onRefused(InetAddress src) {
        long key = SourceKeys.of(src);
        current.requests.add(key, SourceKeys.hash(key, seed), true);
    }

    /**
     * Returns the figures of the interval that ends now and starts the next one.
     *
     * @param intervalMillis the interval's length, for the rates
     */
    public synchronized SourceStats snapshot(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis: " + intervalMillis + " (expected: > 0)");
        }
        Interval done = current;
        spare.requests.clear();
        spare.distinct.clear();
        current = spare;
        spare = done;
        double seconds = intervalMillis / 1000.0;
        List<long[]> conns = connections.top(Integer.MAX_VALUE);
        java.util.HashMap<Long, long[]> connByKey = new java.util.HashMap<>();
        for (long[] c : conns) {
            connByKey.put(c[0], c);
        }
        java.util.HashMap<Long, long[]> reqByKey = new java.util.HashMap<>();
        List<long[]> reqs = done.requests.top(Integer.MAX_VALUE);
        for (long[] r : reqs) {
            reqByKey.put(r[0], r);
        }
        List<SourceStat> byRequests = new ArrayList<>();
        for (long[] r : reqs.subList(0, Math.min(topK, reqs.size()))) {
            long[] c = connByKey.get(r[0]);
            byRequests.add(stat(r[0], r, c, seconds));
        }
        List<SourceStat> byConnections = new ArrayList<>();
        for (long[] c : conns.subList(0, Math.min(topK, conns.size()))) {
            byConnections.add(stat(c[0], reqByKey.get(c[0]), c, seconds));
        }
        long fresh = newSources.getAndSet(0);
        generationAgeMillis += intervalMillis;
        if (generationAgeMillis >= generationMillis) {
            seen.rotate();
            generationAgeMillis = 0;
        }
        recent.advance(intervalMillis);
        return new SourceStats(byRequests, byConnections, done.distinct.estimate(), fresh / seconds, recent.estimate());
    }

    private static SourceStat stat(long key, long[] req, long[] conn, double seconds) {
        return new SourceStat(SourceKeys.toText(key),
                req == null ? 0 : req[1] / seconds,
                conn == null ? 0 : conn[1],
                conn == null ? 0 : conn[2],
                req == null ? 0 : req[2] / seconds);
    }

    /** Returns the open connections of sources that did not fit in the connection table. */
    public long untrackedOpenConnections() {
        return connections.untrackedOpen();
    }
}
