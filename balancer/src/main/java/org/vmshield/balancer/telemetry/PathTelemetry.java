package org.vmshield.balancer.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.vmshield.model.telemetry.PathStat;

/**
 * One pool's top paths by requests and by total backend time (so that an expensive endpoint shows
 * up even at a low request rate), in bounded memory.
 *
 * <p>Backend time is counted in the interval in which it is spent: a request still at a backend
 * when an interval ends adds its time so far ({@link InFlightRequest}), and when it finishes only
 * its time since then. Otherwise a crafted request that takes seconds (or a backend so slowed that
 * nothing finishes) would show only after it ends, seconds after the attack began. A path's mean
 * backend time is then Little's law: the backend time spent on it over the requests admitted to it.
 *
 * <p>{@link #onRequestStarted} and {@link #onRequestDone} are lock-free and allocation-free, callable
 * from any event loop; {@link #snapshot(long)} is called from one other thread once per interval and
 * starts the next interval.
 */
public final class PathTelemetry {
    /** Default number of paths reported per list. */
    public static final int DEFAULT_TOP_K = 10;
    /** Default table size (slots) of each ranking. */
    public static final int DEFAULT_SLOTS = 1024;

    /** The two rankings of one interval. */
    public record Snapshot(List<PathStat> topByRequests, List<PathStat> topByBackendTime) {
        public Snapshot {
            topByRequests = List.copyOf(topByRequests);
            topByBackendTime = List.copyOf(topByBackendTime);
        }
    }

    private final int topK;
    private final int slots;
    private final LongSupplier nanoClock;
    private final InFlightRegistry inFlight = new InFlightRegistry();
    private volatile PathCounts[] current;
    private volatile long intervalStartNanos;
    private PathCounts[] spare;

    /** Creates a telemetry with the default sizes on the system's nanosecond clock. */
    public PathTelemetry() {
        this(DEFAULT_TOP_K, DEFAULT_SLOTS, System::nanoTime);
    }

    /** Creates a telemetry with the default sizes on {@code nanoClock} (the proxy's clock). */
    public PathTelemetry(LongSupplier nanoClock) {
        this(DEFAULT_TOP_K, DEFAULT_SLOTS, nanoClock);
    }

    /**
     * Creates a telemetry reporting {@code topK} paths per list, tracking {@code slots} paths per
     * ranking, on {@code nanoClock}.
     */
    public PathTelemetry(int topK, int slots, LongSupplier nanoClock) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK: " + topK + " (expected: > 0)");
        }
        if (slots < 8) {
            throw new IllegalArgumentException("slots: " + slots + " (expected: >= 8)");
        }
        this.topK = topK;
        this.slots = slots;
        this.nanoClock = nanoClock;
        this.current = fresh();
        this.spare = fresh();
        this.intervalStartNanos = nanoClock.getAsLong();
    }

    private PathCounts[] fresh() {
        return new PathCounts[] {new PathCounts(slots, false), new PathCounts(slots, true)};
    }

    /** Returns the holder through which a newly opened client connection shows its request in flight. */
    public InFlightRequest openConnection() {
        return inFlight.open();
    }

    /** Stops following a closed connection's holder. */
    public void closeConnection(InFlightRequest request) {
        inFlight.close(request);
    }

    /** Counts a request admitted to {@code path} (without the query). */
    public void onRequestStarted(String path) {
        if (path == null) {
            return;
        }
        int h = path.hashCode();
        PathCounts[] c = current;
        c[0].add(path, h, 1, 0);
        c[1].add(path, h, 1, 0);
    }

    /**
     * Adds the backend time of a finished request to {@code path} that took {@code backendNanos}
     * (-1: no backend answered) and ended at {@code nowNanos}: the part spent in this interval (the
     * snapshots before counted the rest while it was in flight).
     */
    public void onRequestDone(String path, long backendNanos, long nowNanos) {
        if (path == null || backendNanos <= 0) {
            return;
        }
        long n = Math.min(backendNanos, Math.max(0, nowNanos - intervalStartNanos));
        if (n == 0) {
            return;
        }
        int h = path.hashCode();
        PathCounts[] c = current;
        c[0].add(path, h, 0, n);
        c[1].add(path, h, 0, n);
    }

    /**
     * Returns the rankings of the interval that ends now, with the backend time of the requests
     * still in flight, and starts the next one.
     */
    public synchronized Snapshot snapshot(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis: " + intervalMillis + " (expected: > 0)");
        }
        PathCounts[] done = current;
        spare[0].clear();
        spare[1].clear();
        long now = nanoClock.getAsLong();
        long start = intervalStartNanos;
        current = spare;
        intervalStartNanos = now;
        spare = done;
        inFlight.forEachInFlight((path, since) -> {
            long n = now - Math.max(since, start);
            if (n > 0) {
                int h = path.hashCode();
                done[0].add(path, h, 0, n);
                done[1].add(path, h, 0, n);
            }
        });
        double seconds = intervalMillis / 1000.0;
        return new Snapshot(stats(done[0].top(topK), seconds), stats(done[1].top(topK), seconds));
    }

    private static List<PathStat> stats(List<PathCounts.Entry> entries, double seconds) {
        List<PathStat> out = new ArrayList<>(entries.size());
        for (PathCounts.Entry e : entries) {
            double ms = e.nanos() / 1e6;
            out.add(new PathStat(e.path(), e.requests() / seconds, ms / seconds,
                    e.requests() == 0 ? 0 : ms / e.requests()));
        }
        return out;
    }
}
