package org.vmshield.balancer.guard.ratelimit;

import static org.vmshield.balancer.guard.ratelimit.SourceTableLayout.BUCKET_SLOTS;
import static org.vmshield.balancer.guard.ratelimit.SourceTableLayout.STATE_BITS;
import static org.vmshield.balancer.guard.ratelimit.SourceTableLayout.STATE_MASK;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-source token buckets in bounded memory, lock-free and allocation-free.
 *
 * <p>Each bucket is kept as GCRA's "theoretical arrival time" (TAT, microseconds, 44 bits that
 * wrap every 203 days): a request is allowed when {@code max(TAT, now) + T - now <= burst * T},
 * with {@code T = 1 / rate}; a bucket is full again exactly when {@code TAT <= now}.
 *
 * <p>Eviction cannot reset a bucket: a new source may take over a slot only when that slot's
 * bucket is full again ({@code TAT <= now}), which is exactly the state a fresh entry starts in, so
 * forgetting it changes nothing. When all 16 candidate slots of a new source hold buckets that are
 * not full, the source is charged instead to two shared overflow buckets (count-min style,
 * conservative: allowed only when both have tokens), so it never gets more than its own rate; at
 * worst it shares a bucket with others and is refused sooner. Fingerprint collisions likewise only
 * merge two sources into one shared bucket.
 */
public final class SourceRateTable {
    private final SourceTableLayout layout;
    private final AtomicLongArray slots;
    private final AtomicLongArray overflow;
    private final int overflowMask;
    private final long intervalMicros;
    private final long toleranceMicros;

    /**
     * Creates a table.
     *
     * @param maxSources sources tracked individually
     * @param rateRps tokens per second
     * @param burst bucket size
     * @param seed secret hash seed
     */
    public SourceRateTable(int maxSources, double rateRps, int burst, long seed) {
        if (!(rateRps > 0) || rateRps > 1_000_000) {
            throw new IllegalArgumentException("rateRps: " + rateRps + " (expected: > 0 and <= 1000000)");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst: " + burst + " (expected: > 0)");
        }
        this.layout = new SourceTableLayout(maxSources, seed);
        this.slots = new AtomicLongArray(layout.slots());
        int cells = Math.max(1024, Integer.highestOneBit(Math.max(1, layout.slots() / 16)));
        this.overflow = new AtomicLongArray(cells);
        this.overflowMask = cells - 1;
        this.intervalMicros = Math.max(1, Math.round(1_000_000 / rateRps));
        this.toleranceMicros = intervalMicros * burst;
        if (toleranceMicros >= (1L << (STATE_BITS - 2))) {
            throw new IllegalArgumentException("burst / rateRps: " + burst + " / " + rateRps
                    + " (expected: a bucket that refills in less than 50 days)");
        }
        // An empty overflow cell must read as a full bucket: TAT far in the past.
        for (int i = 0; i < cells; i++) {
            overflow.set(i, Long.MIN_VALUE / 2);
        }
    }

    /** Takes one token from {@code key}'s bucket if it has one; returns false (and takes nothing) if not. */
    public boolean tryAcquire(long key, long nowNanos) {
        long now = Math.floorDiv(nowNanos, 1000);
        long hash = SourceKeys.hash(key, layout.seed);
        long fp = SourceTableLayout.fingerprint(hash);
        int b1 = layout.bucket1(hash);
        int b2 = layout.bucket2(hash);
        while (true) {
            int pos = find(fp, b1, b2);
            if (pos >= 0) {
                int r = acquireAt(pos, fp, now);
                if (r >= 0) {
                    return r == 1;
                }
                continue; // the slot was taken over meanwhile (it was full): look again
            }
            int claimed = claim(fp, b1, b2, now);
            if (claimed == -2) {
                continue; // lost a race for a free slot
            }
            if (claimed == -1) {
                return acquireOverflow(hash, now);
            }
            return true;
        }
    }

    /** Returns the number of slots in use (for tests and sizing). */
    public int trackedSources() {
        int n = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Returns the memory the table holds, in bytes. */
    public long memoryBytes() {
        return 8L * (slots.length() + overflow.length());
    }

    private int find(long fp, int b1, int b2) {
        for (int k = 0; k < 2 * BUCKET_SLOTS; k++) {
            int p = SourceTableLayout.position(b1, b2, k);
            if ((slots.get(p) & ~STATE_MASK) == fp) {
                return p;
            }
        }
        return -1;
    }

    /** Returns 1 allowed, 0 refused, -1 the slot no longer belongs to fp. */
    private int acquireAt(int pos, long fp, long now) {
        while (true) {
            long v = slots.get(pos);
            if ((v & ~STATE_MASK) != fp) {
                return -1;
            }
            long tat = decode(v, now);
            long next = Math.max(tat, now) + intervalMicros;
            if (next - now > toleranceMicros) {
                return 0;
            }
            if (slots.compareAndSet(pos, v, fp | (next & STATE_MASK))) {
                return 1;
            }
        }
    }

    /**
     * Takes an empty slot, else a slot whose bucket is full again (the longest idle one), and
     * charges the first token there. Returns the position, -1 when every candidate is busy, -2 on a
     * lost race.
     */
    private int claim(long fp, int b1, int b2, long now) {
        int best = -1;
        long bestTat = Long.MAX_VALUE;
        long bestValue = 0;
        for (int k = 0; k < 2 * BUCKET_SLOTS; k++) {
            int p = SourceTableLayout.position(b1, b2, k);
            long v = slots.get(p);
            if (v == 0) {
                best = p;
                bestValue = 0;
                break;
            }
            long tat = decode(v, now);
            if (tat <= now && tat < bestTat) {
                best = p;
                bestTat = tat;
                bestValue = v;
            }
        }
        if (best < 0) {
            return -1;
        }
        if (!slots.compareAndSet(best, bestValue, fp | ((now + intervalMicros) & STATE_MASK))) {
            return -2;
        }
        // Two threads may have claimed slots for the same new source at once: keep the first.
        for (int k = 0; k < 2 * BUCKET_SLOTS; k++) {
            int p = SourceTableLayout.position(b1, b2, k);
            if (p == best) {
                break;
            }
            if ((slots.get(p) & ~STATE_MASK) == fp) {
                slots.compareAndSet(best, fp | ((now + intervalMicros) & STATE_MASK), 0);
                return acquireAt(p, fp, now) == 1 ? best : -2;
            }
        }
        return best;
    }

    private boolean acquireOverflow(long hash, long now) {
        int c1 = (int) (hash >>> 7) & overflowMask;
        int c2 = (int) (hash >>> 33) & overflowMask;
        return acquireCell(c1, now) && (c1 == c2 || acquireCell(c2, now));
    }

    private boolean acquireCell(int cell, long now) {
        while (true) {
            long tat = overflow.get(cell);
            long next = Math.max(tat, now) + intervalMicros;
            if (next - now > toleranceMicros) {
                return false;
            }
            if (overflow.compareAndSet(cell, tat, next)) {
                return true;
            }
        }
    }

    /**
     * Returns the full TAT of a slot. The 44 stored bits are read relative to {@code now}: a TAT
     * is never more than the tolerance ahead of now, so anything that would decode further ahead
     * is an old TAT that wrapped around, and reads as "full".
     */
    private long decode(long v, long now) {
        long d = ((v & STATE_MASK) - now) << FP_SHIFT >> FP_SHIFT; // sign-extend 44 bits
        if (d > toleranceMicros) {
            return now - 1;
        }
        return now + d;
    }

    private static final int FP_SHIFT = 64 - STATE_BITS;
}
