package org.vmshield.balancer.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Open and idle connections per source, right now: a bounded table (8-slot buckets) whose slot is
 * reused only when its source has no connection open. A source that finds its bucket full of
 * sources with open connections is counted in an "untracked" total instead. Lock-free, no
 * allocation on open/close.
 */
final class SourceConnectionCounts {
    private static final int BUCKET = 8;
    private static final long OPEN = 1L << 32;
    private static final long IDLE_MASK = OPEN - 1;
    private final AtomicLongArray keys;
    /** open count in the high 32 bits, idle count in the low 32 bits. */
    private final AtomicLongArray counts;
    private final int bucketMask;
    private final AtomicLong untrackedOpen = new AtomicLong();

    SourceConnectionCounts(int slots) {
        int n = Math.max(BUCKET, Integer.highestOneBit(Math.max(BUCKET, slots)));
        keys = new AtomicLongArray(n);
        counts = new AtomicLongArray(n);
        bucketMask = n / BUCKET - 1;
    }

    void open(long key, long hash) {
        int base = base(hash);
        while (true) {
            int free = -1;
            for (int i = base; i < base + BUCKET; i++) {
                long k = keys.get(i);
                if (k == key) {
                    counts.addAndGet(i, OPEN);
                    return;
                }
                if (free < 0 && counts.get(i) == 0) {
                    free = i;
                }
            }
            if (free < 0) {
                untrackedOpen.incrementAndGet();
                return;
            }
            long old = keys.get(free);
            // Take the slot only while it counts nothing; claim it with a count so nobody else takes it.
            if (counts.compareAndSet(free, 0, OPEN)) {
                if (keys.compareAndSet(free, old, key)) {
                    return;
                }
                counts.addAndGet(free, -OPEN);
            }
        }
    }

    void close(long key, long hash, boolean wasIdle) {
        int i = find(key, hash);
        if (i < 0) {
            untrackedOpen.decrementAndGet();
            return;
        }
        while (true) {
            long c = counts.get(i);
            if ((c >>> 32) == 0) {
                return; // taken over meanwhile: nothing of ours left to count down
            }
            long idle = c & IDLE_MASK;
            // Never below zero: the idle count must not borrow from the open count.
            long next = c - OPEN - (wasIdle && idle > 0 ? 1 : 0);
            if (counts.compareAndSet(i, c, next)) {
                return;
            }
        }
    }

    void idle(long key, long hash, boolean becameIdle) {
        int i = find(key, hash);
        while (i >= 0) {
            long c = counts.get(i);
            long idle = c & IDLE_MASK;
            if (becameIdle ? idle >= (c >>> 32) : idle == 0) {
                return; // more idle than open, or below zero: an unmatched call
            }
            if (counts.compareAndSet(i, c, c + (becameIdle ? 1 : -1))) {
                return;
            }
        }
    }

    private int find(long key, long hash) {
        int base = base(hash);
        for (int i = base; i < base + BUCKET; i++) {
            if (keys.get(i) == key && (counts.get(i) >>> 32) > 0) {
                return i;
            }
        }
        return -1;
    }

    private int base(long hash) {
        return ((int) (hash >>> 21) & bucketMask) * BUCKET;
    }

    /** Returns the entries (key, open, idle) with open connections, most open first, at most {@code k}. */
    List<long[]> top(int k) {
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < keys.length(); i++) {
            long c = counts.get(i);
            long key = keys.get(i);
            if (key != 0 && (c >>> 32) > 0) {
                all.add(new long[] {key, c >>> 32, c & IDLE_MASK});
            }
        }
        all.sort((a, b) -> Long.compare(b[1], a[1]));
        return all.size() > k ? new ArrayList<>(all.subList(0, k)) : all;
    }

    /** Returns the open connections of sources that did not fit in the table. */
    long untrackedOpen() {
        return untrackedOpen.get();
    }
}
