package org.vmshield.balancer.telemetry;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers which sources were seen recently, in fixed memory: two Bloom filters (the current and
 * the previous generation); {@link #rotate()} drops the older one. Lock-free; a false positive
 * (about 3% at 1M sources with the default size) makes a new source look already seen.
 */
final class SeenSources {
    private static final int HASHES = 3;
    private final int bitsMask;
    private volatile AtomicLongArray current;
    private volatile AtomicLongArray previous;

    SeenSources(int bits) {
        int n = Integer.highestOneBit(Math.max(1 << 10, bits));
        this.bitsMask = n - 1;
        this.current = new AtomicLongArray(n / 64);
        this.previous = new AtomicLongArray(n / 64);
    }

    /** Marks {@code hash} seen; returns true when it was not seen in either generation. */
    boolean markNew(long hash) {
        AtomicLongArray cur = current;
        AtomicLongArray prev = previous;
        boolean inCur = true;
        boolean inPrev = true;
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(hash, i);
            long mask = 1L << (bit & 63);
            int word = bit >>> 6;
            if ((cur.get(word) & mask) == 0) {
                inCur = false;
                cur.getAndAccumulate(word, mask, (a, b) -> a | b);
            }
            if (inPrev && (prev.get(word) & mask) == 0) {
                inPrev = false;
            }
        }
        return !inCur && !inPrev;
    }

    /** Starts a new generation; the oldest one is forgotten. */
    void rotate() {
        AtomicLongArray old = previous;
        for (int i = 0; i < old.length(); i++) {
            old.set(i, 0);
        }
        previous = current;
        current = old;
    }

    private int bit(long hash, int i) {
        // Kirsch-Mitzenmacher: g_i = h1 + i * h2.
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        return (h1 + i * h2) & bitsMask;
    }
}
