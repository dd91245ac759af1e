package org.vmshield.balancer.guard.ratelimit;

/**
 * Where a source's entry may live in a bounded per-source table: two candidate buckets of
 * {@value #BUCKET_SLOTS} slots (one cache line each), chosen by a keyed hash; each slot is one
 * long holding a 20-bit fingerprint and 44 bits of state, updated with one CAS. The hash seed is
 * secret, so an attacker cannot aim at another source's bucket.
 */
final class SourceTableLayout {
    static final int BUCKET_SLOTS = 8;
    static final int FP_BITS = 20;
    static final int STATE_BITS = 64 - FP_BITS;
    static final long STATE_MASK = (1L << STATE_BITS) - 1;

    final int buckets;
    final int bucketMask;
    final long seed;

    SourceTableLayout(int maxSources, long seed) {
        if (maxSources < 1) {
            throw new IllegalArgumentException("maxTrackedSources: " + maxSources + " (expected: > 0)");
        }
        // Twice as many slots as sources: the two-choice buckets stay well below full.
        long slots = Math.max(64, Long.highestOneBit(Math.max(1, (long) maxSources * 2 - 1)) << 1);
        if (slots > (1L << 28)) {
            throw new IllegalArgumentException("maxTrackedSources: " + maxSources + " (expected: <= " + (1 << 27) + ")");
        }
        this.buckets = (int) (slots / BUCKET_SLOTS);
        this.bucketMask = buckets - 1;
        this.seed = seed;
    }

    int slots() {
        return buckets * BUCKET_SLOTS;
    }

    static long fingerprint(long hash) {
        long fp = hash >>> STATE_BITS;
        return (fp == 0 ? 1 : fp) << STATE_BITS;
    }

    int bucket1(long hash) {
        return ((int) hash & bucketMask) * BUCKET_SLOTS;
    }

    int bucket2(long hash) {
        int b = (int) (hash >>> 22) & bucketMask;
        // Never the same bucket twice.
        int b1 = (int) hash & bucketMask;
        return (b == b1 ? (b + 1) & bucketMask : b) * BUCKET_SLOTS;
    }

    /** Returns the slot index of candidate position {@code k} (0..15). */
    static int position(int b1, int b2, int k) {
        return k < BUCKET_SLOTS ? b1 + k : b2 + k - BUCKET_SLOTS;
    }
}
