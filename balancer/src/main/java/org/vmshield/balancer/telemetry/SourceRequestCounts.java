package org.vmshield.balancer.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Requests and refusals per source over one interval, for the heavy hitters: a bucketed
 * Space-Saving table (8 slots per bucket). A source not in its full bucket replaces the bucket's
 * smallest entry and inherits its count as "error", so {@code requests - error} is a count the
 * source certainly made; ranking by it keeps a newcomer from looking like a heavy hitter. Lock-free
 * and allocation-free; counts may be off by a few under races, which telemetry tolerates.
 */
final class SourceRequestCounts {
    private static final int BUCKET = 8;
    private final AtomicLongArray keys;
    private final AtomicLongArray requests;
    private final AtomicLongArray refused;
    private final AtomicLongArray error;
    private final int bucketMask;

    SourceRequestCounts(int slots) {
        int n = Math.max(BUCKET, Integer.highestOneBit(Math.max(BUCKET, slots)));
        keys = new AtomicLongArray(n);
        requests = new AtomicLongArray(n);
        refused = new AtomicLongArray(n);
        error = new AtomicLongArray(n);
        bucketMask = n / BUCKET - 1;
    }

    void add(long key, long hash, boolean refusal) {
        int base = ((int) (hash >>> 17) & bucketMask) * BUCKET;
        while (true) {
            int min = -1;
            long minCount = Long.MAX_VALUE;
            for (int i = base; i < base + BUCKET; i++) {
                long k = keys.get(i);
                if (k == key) {
                    bump(i, refusal);
                    return;
                }
                if (k == 0) {
                    if (keys.compareAndSet(i, 0, key)) {
                        bump(i, refusal);
                        return;
                    }
                    min = -2; // lost a race: look again
                    break;
                }
                long c = requests.get(i);
                if (c < minCount) {
                    minCount = c;
                    min = i;
                }
            }
            if (min == -2) {
                continue;
            }
            long old = keys.get(min);
            if (old != key && keys.compareAndSet(min, old, key)) {
                error.set(min, minCount);
                requests.set(min, minCount);
                refused.set(min, 0);
                bump(min, refusal);
                return;
            }
        }
    }

    private void bump(int i, boolean refusal) {
        if (refusal) {
            refused.incrementAndGet(i);
        } else {
            requests.incrementAndGet(i);
        }
    }

    /** Returns the entries (key, certain requests, refused), largest certain count first, at most {@code k}. */
    List<long[]> top(int k) {
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < keys.length(); i++) {
            long key = keys.get(i);
            if (key != 0) {
                all.add(new long[] {key, Math.max(0, requests.get(i) - error.get(i)), refused.get(i)});
            }
        }
        all.sort((a, b) -> Long.compare(b[1] + b[2], a[1] + a[2]));
        return all.size() > k ? new ArrayList<>(all.subList(0, k)) : all;
    }

    void clear() {
        for (int i = 0; i < keys.length(); i++) {
            keys.set(i, 0);
            requests.set(i, 0);
            refused.set(i, 0);
            error.set(i, 0);
        }
    }
}
