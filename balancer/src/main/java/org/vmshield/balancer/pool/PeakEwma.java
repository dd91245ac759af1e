package org.vmshield.balancer.pool;

/**
 * Peak-EWMA latency (Finagle): a new sample above the estimate replaces it at once; below it, the
 * estimate decays towards the sample with time constant {@code decayNanos}. Updates from two event
 * loops may race; the value is a heuristic, so a lost update is harmless and no lock is taken.
 */
final class PeakEwma {
    private final double decayNanos;
    private volatile double cost;
    private volatile long stampNanos;

    PeakEwma(long decayNanos) {
        this.decayNanos = decayNanos;
    }

    void observe(long sampleNanos, long nowNanos) {
        double current = cost;
        double sample = sampleNanos;
        if (sample > current) {
            cost = sample;
        } else {
            double w = Math.exp(-Math.max(0, nowNanos - stampNanos) / decayNanos);
            cost = current * w + sample * (1 - w);
        }
        stampNanos = nowNanos;
    }

    /** Returns the estimate decayed towards 0 since the last sample, so idle backends get probed again. */
    double cost(long nowNanos) {
        double c = cost;
        if (c == 0) {
            return 0;
        }
        long elapsed = nowNanos - stampNanos;
        return elapsed <= 0 ? c : c * Math.exp(-elapsed / decayNanos);
    }
}
