package org.vmshield.balancer.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Requests and backend time per path over one interval: a bucketed Space-Saving table ranked by
 * one of the two figures (requests, or backend nanoseconds). A path that replaces a bucket's
 * smallest entry inherits its figure as error; the certain part is what is ranked and reported.
 * Lock-free and allocation-free; approximate under races.
 */
final class PathCounts {
    private static final int BUCKET = 8;
    private final boolean byTime;
    private final AtomicReferenceArray<String> paths;
    private final AtomicLongArray requests;
    private final AtomicLongArray nanos;
    private final AtomicLongArray error;
    private final int bucketMask;

    PathCounts(int slots, boolean byTime) {
        int n = Math.max(BUCKET, Integer.highestOneBit(Math.max(BUCKET, slots)));
        this.byTime = byTime;
        paths = new AtomicReferenceArray<>(n);
        requests = new AtomicLongArray(n);
        nanos = new AtomicLongArray(n);
        error = new AtomicLongArray(n);
        bucketMask = n / BUCKET - 1;
    }

    /** Adds {@code requestCount} requests and {@code backendNanos} of backend time to {@code path}. */
    void add(String path, int hash, long requestCount, long backendNanos) {
        int base = (mix(hash) & bucketMask) * BUCKET;
        while (true) {
            int min = -1;
            long minValue = Long.MAX_VALUE;
            boolean retry = false;
            for (int i = base; i < base + BUCKET; i++) {
                String p = paths.get(i);
                if (p == null) {
                    if (paths.compareAndSet(i, null, path)) {
                        bump(i, requestCount, backendNanos);
                        return;
                    }
                    retry = true;
                    break;
                }
                if (p.equals(path)) {
                    bump(i, requestCount, backendNanos);
                    return;
                }
                long v = byTime ? nanos.get(i) : requests.get(i);
                if (v < minValue) {
                    minValue = v;
                    min = i;
                }
            }
            if (retry) {
                continue;
            }
            String old = paths.get(min);
            if (paths.compareAndSet(min, old, path)) {
                error.set(min, minValue);
                if (byTime) {
                    nanos.set(min, minValue);
                    requests.set(min, 0);
                } else {
                    requests.set(min, minValue);
                    nanos.set(min, 0);
                }
                bump(min, requestCount, backendNanos);
                return;
            }
        }
    }

    private void bump(int i, long requestCount, long backendNanos) {
        if (requestCount != 0) {
            requests.addAndGet(i, requestCount);
        }
        if (backendNanos != 0) {
            nanos.addAndGet(i, backendNanos);
        }
    }

    /** An entry: the path, its certain requests and backend nanoseconds. */
    record Entry(String path, long requests, long nanos) {}

    /** Returns the top {@code k} entries by the ranked figure. */
    List<Entry> top(int k) {
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < paths.length(); i++) {
            String p = paths.get(i);
            if (p != null) {
                long e = error.get(i);
                long r = requests.get(i) - (byTime ? 0 : e);
                long t = nanos.get(i) - (byTime ? e : 0);
                all.add(new Entry(p, Math.max(0, r), Math.max(0, t)));
            }
        }
        all.sort((a, b) -> byTime ? Long.compare(b.nanos, a.nanos) : Long.compare(b.requests, a.requests));
        return all.size() > k ? new ArrayList<>(all.subList(0, k)) : all;
    }

    void clear() {
        for (int i = 0; i < paths.length(); i++) {
            paths.set(i, null);
            requests.set(i, 0);
            nanos.set(i, 0);
            error.set(i, 0);
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
