package org.vmshield.balancer.guard.ratelimit;

import static org.vmshield.balancer.guard.ratelimit.SourceTableLayout.BUCKET_SLOTS;
import static org.vmshield.balancer.guard.ratelimit.SourceTableLayout.STATE_MASK;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-source counters with a cap (connections open per source), in bounded memory, lock-free and
 * allocation-free. A slot is reused by another source only when its count is back to zero, so an
 * entry is never forgotten while it counts anything. When all 16 candidate slots of a new source
 * hold non-zero counts, the source is counted in two shared overflow counters (count-min style,
 * conservative: allowed only while both are under the cap), so it never gets more than the cap.
 */
public final class SourceCountTable {
    private final SourceTableLayout layout;
    private final AtomicLongArray slots;
    private final AtomicLongArray overflow;
    private final int overflowMask;

    /** Creates a table for {@code maxSources} sources with counts, using the secret hash {@code seed}. */
    public SourceCountTable(int maxSources, long seed) {
        this.layout = new SourceTableLayout(maxSources, seed);
        this.slots = new AtomicLongArray(layout.slots());
        int cells = Math.max(1024, Integer.highestOneBit(Math.max(1, layout.slots() / 16)));
        this.overflow = new AtomicLongArray(cells);
        this.overflowMask = cells - 1;
    }

    /** Adds one to {@code key}'s count if it is below {@code max}; returns false (and adds nothing) if not. */
    public boolean tryIncrement(long key, long max) {
        long hash = SourceKeys.hash(key, layout.seed);
        long fp = SourceTableLayout.fingerprint(hash);
        int b1 = layout.bucket1(hash);
        int b2 = layout.bucket2(hash);
        while (true) {
            int pos = find(fp, b1, b2, false);
            if (pos >= 0) {
                int r = incrementAt(pos, fp, max);
                if (r >= 0) {
                    return r == 1;
                }
                continue;
            }
            int claimed = claim(fp, b1, b2, max);
            if (claimed == -2) {
                continue;
            }
            if (claimed == -1) {
                return incrementOverflow(hash, max);
            }
            return true;
        }
    }

    /** Takes one from {@code key}'s count (call once for each successful increment). */
    public void decrement(long key) {
        long hash = SourceKeys.hash(key, layout.seed);
        long fp = SourceTableLayout.fingerprint(hash);
        int b1 = layout.bucket1(hash);
        int b2 = layout.bucket2(hash);
        while (true) {
            int pos = find(fp, b1, b2, true);
            if (pos < 0) {
                decrementOverflow(hash);
                return;
            }
            long v = slots.get(pos);
            if ((v & ~STATE_MASK) == fp && (v & STATE_MASK) > 0 && slots.compareAndSet(pos, v, v - 1)) {
                return;
            }
        }
    }

    /** Returns {@code key}'s count (0 when unknown). */
    public long count(long key) {
        long hash = SourceKeys.hash(key, layout.seed);
        long fp = SourceTableLayout.fingerprint(hash);
        long n = 0;
        for (int k = 0; k < 2 * BUCKET_SLOTS; k++) {
            long v = slots.get(SourceTableLayout.position(layout.bucket1(hash), layout.bucket2(hash), k));
            if ((v & ~STATE_MASK) == fp) {
                n += v & STATE_MASK;
            }
        }
        return n;
    }

    /** Returns the memory the table holds, in bytes. */
    public long memoryBytes() {
        return 8L * (slots.length() + overflow.length());
    }

    private int find(long fp, int b1, int b2, boolean nonZero) {
        for (int k = 0; k < 2 * BUCKET_SLOTS; k++) {
            int p = SourceTableLayout.position(b1, b2, k);
            long v = slots.get(p);
            if ((v & ~STATE_MASK) == fp && (!nonZero || (v & STATE_MASK) > 0)) {
                return p;
            }
        }
        return -1;
    }

    private int incrementAt(int pos, long fp, long max) {
        while (true) {
            long v = slots.get(pos);
            if ((v & ~STATE_MASK) != fp) {
                return -1;
            }
            if ((v & STATE_MASK) >= max) {
                return 0;
            }
            if (slots.compareAndSet(pos, v, v + 1)) {
                return 1;
            }
        }
    }

    private int claim(long fp, int b1, int b2, long max) {
        int best = -1;
        long bestValue = 0;
        for (int k = 0; k < 2 * BUCKET_SLOTS; k++) {
            int p = SourceTableLayout.position(b1, b2, k);
            long v = slots.get(p);
            if ((v & STATE_MASK) == 0) {
                best = p;
                bestValue = v;
                break;
            }
        }
        if (best < 0) {
            return -1;
        }
        if (!slots.compareAndSet(best, bestValue, fp | 1)) {
            return -2;
        }
        for (int k = 0; k < 2 * BUCKET_SLOTS; k++) {
            int p = SourceTableLayout.position(b1, b2, k);
            if (p == best) {
                break;
            }
            if ((slots.get(p) & ~STATE_MASK) == fp) {
                // A racing thread created this source's entry first: move our one there.
                decrementSlot(best);
                return incrementAt(p, fp, max) == 1 ? best : -2;
            }
        }
        return best;
    }

    private void decrementSlot(int pos) {
        while (true) {
            long v = slots.get(pos);
            if ((v & STATE_MASK) == 0 || slots.compareAndSet(pos, v, v - 1)) {
                return;
            }
        }
    }

    private boolean incrementOverflow(long hash, long max) {
        int c1 = (int) (hash >>> 7) & overflowMask;
        int c2 = (int) (hash >>> 33) & overflowMask;
        if (overflow.get(c1) >= max || overflow.get(c2) >= max) {
            return false;
        }
        overflow.incrementAndGet(c1);
        if (c2 != c1) {
            overflow.incrementAndGet(c2);
        }
        return true;
    }

    private void decrementOverflow(long hash) {
        int c1 = (int) (hash >>> 7) & overflowMask;
        int c2 = (int) (hash >>> 33) & overflowMask;
        decrementCell(c1);
        if (c2 != c1) {
            decrementCell(c2);
        }
    }

    private void decrementCell(int cell) {
        while (true) {
            long v = overflow.get(cell);
            if (v <= 0 || overflow.compareAndSet(cell, v, v - 1)) {
                return;
            }
        }
    }
}
