package org.vmshield.balancer.telemetry;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Estimates the number of distinct 64-bit hashes added (HyperLogLog, 2^p registers, standard error
 * about 1.04 / sqrt(2^p): 1.6% at p = 12). Lock-free; adding allocates nothing.
 */
public final class HyperLogLog {
    private final int p;
    private final AtomicIntegerArray registers;

    /** Creates an estimator with {@code 2^precision} registers (4..18). */
    public HyperLogLog(int precision) {
        if (precision < 4 || precision > 18) {
            throw new IllegalArgumentException("precision: " + precision + " (expected: 4..18)");
        }
        this.p = precision;
        this.registers = new AtomicIntegerArray(1 << precision);
    }

    /** Adds a well-mixed 64-bit hash. */
    public void add(long hash) {
        int idx = (int) (hash >>> (64 - p));
        int rank = Long.numberOfLeadingZeros((hash << p) | (1L << (p - 1))) + 1;
        int cur = registers.get(idx);
        while (rank > cur) {
            if (registers.compareAndSet(idx, cur, rank)) {
                return;
            }
            cur = registers.get(idx);
        }
    }

    /** Returns the estimated number of distinct hashes added. */
    public long estimate() {
        int[] r = new int[registers.length()];
        for (int i = 0; i < r.length; i++) {
            r[i] = registers.get(i);
        }
        return estimate(r);
    }

    /** Raises each of {@code union}'s registers to this estimator's: {@code union} then counts both sets. */
    void maxInto(int[] union) {
        if (union.length != registers.length()) {
            throw new IllegalArgumentException("union: " + union.length + " registers (expected: " + registers.length() + ")");
        }
        for (int i = 0; i < union.length; i++) {
            int r = registers.get(i);
            if (r > union[i]) {
                union[i] = r;
            }
        }
    }

    /** Returns the estimate of a set of registers (a power of two of them). */
    static long estimate(int[] registers) {
        int m = registers.length;
        double sum = 0;
        int zeros = 0;
        for (int i = 0; i < m; i++) {
            int r = registers[i];
            sum += Math.scalb(1.0, -r);
            if (r == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / m);
        double e = alpha * m * (double) m / sum;
        if (e <= 2.5 * m && zeros > 0) {
            e = m * Math.log((double) m / zeros); // linear counting for small sets
        }
        return Math.round(e);
    }

    /** Forgets everything added. */
    public void clear() {
        for (int i = 0; i < registers.length(); i++) {
            registers.set(i, 0);
        }
    }
}
