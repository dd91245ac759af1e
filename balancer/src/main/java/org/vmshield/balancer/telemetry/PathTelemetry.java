package org.vmshield.balancer.telemetry;

import java.util.ArrayList;
import java.util.List;
import org.vmshield.model.telemetry.PathStat;

/**
 * One pool's top paths by requests and by total backend time (so that an expensive endpoint shows
 * up even at a low request rate), in bounded memory. {@link #onRequestDone} is lock-free and
 * allocation-free, callable from any event loop; {@link #snapshot(long)} is called from one other
 * thread once per interval and starts the next interval.
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
    private volatile PathCounts[] current;
    private PathCounts[] spare;

    /** Creates a telemetry with the default sizes. */
    public PathTelemetry() {
        this(DEFAULT_TOP_K, DEFAULT_SLOTS);
    }

    /** Creates a telemetry reporting {@code topK} paths per list, tracking {@code slots} paths per ranking. */
    public PathTelemetry(int topK, int slots) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK: " + topK + " (expected: > 0)");
        }
        if (slots < 8) {
            throw new IllegalArgumentException("slots: " + slots + " (expected: >= 8)");
        }
        this.topK = topK;
        this.slots = slots;
        this.current = fresh();
        this.spare = fresh();
    }

    private PathCounts[] fresh() {
        return new PathCounts[] {new PathCounts(slots, false), new PathCounts(slots, true)};
    }

    /** Records a finished request to {@code path} (without the query) that took {@code backendNanos} at the backend. */
    public void onRequestDone(String path, long backendNanos) {
        if (path == null) {
            return;
        }
        long n = Math.max(0, backendNanos);
        int h = path.hashCode();
        PathCounts[] c = current;
        c[0].add(path, h, n);
        c[1].add(path, h, n);
    }

    /** Returns the rankings of the interval that ends now and starts the next one. */
    public synchronized Snapshot snapshot(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis: " + intervalMillis + " (expected: > 0)");
        }
        PathCounts[] done = current;
        spare[0].clear();
        spare[1].clear();
        current = spare;
        spare = done;
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
