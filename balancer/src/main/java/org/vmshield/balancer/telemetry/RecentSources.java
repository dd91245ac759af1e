package org.vmshield.balancer.telemetry;

import java.util.Arrays;

/**
 * Distinct sources over a sliding window of about half a minute: a ring of HyperLogLog slices of a
 * few seconds each, merged when read. One interval of telemetry (half a second) shows a client that
 * sends a request every few seconds at most once, whatever its rate; over the window, its rate shows.
 * {@link #add} is lock-free and may be called from any thread; {@link #advance} and {@link #estimate}
 * from one thread.
 */
final class RecentSources {
    /** Default slice length. */
    static final long DEFAULT_SLICE_MILLIS = 5_000;
    /** Default number of slices: the window is five to six slices long. */
    static final int DEFAULT_SLICES = 6;

    private final HyperLogLog[] slices;
    private final long sliceMillis;
    private final int[] merged;
    private volatile int current;
    private long currentAgeMillis;

    RecentSources(int slices, long sliceMillis, int precision) {
        if (slices < 2) {
            throw new IllegalArgumentException("slices: " + slices + " (expected: >= 2)");
        }
        if (sliceMillis < 1) {
            throw new IllegalArgumentException("sliceMillis: " + sliceMillis + " (expected: > 0)");
        }
        this.slices = new HyperLogLog[slices];
        for (int i = 0; i < slices; i++) {
            this.slices[i] = new HyperLogLog(precision);
        }
        this.sliceMillis = sliceMillis;
        this.merged = new int[1 << precision];
    }

    void add(long hash) {
        slices[current].add(hash);
    }

    /** Accounts for {@code elapsedMillis} more of time; starts a new slice (forgetting the oldest) when due. */
    void advance(long elapsedMillis) {
        currentAgeMillis += elapsedMillis;
        while (currentAgeMillis >= sliceMillis) {
            currentAgeMillis -= sliceMillis;
            int next = (current + 1) % slices.length;
            slices[next].clear();
            current = next;
        }
    }

    /** Returns the estimated number of distinct sources over the window. */
    long estimate() {
        Arrays.fill(merged, 0);
        for (HyperLogLog s : slices) {
            s.maxInto(merged);
        }
        return HyperLogLog.estimate(merged);
    }
}
