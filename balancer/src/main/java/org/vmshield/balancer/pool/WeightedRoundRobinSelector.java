package org.vmshield.balancer.pool;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Weighted round-robin: a shared ticket counter, spread over {@code [0, totalWeight)} by the golden
 * ratio (a low-discrepancy sequence, so backends interleave instead of taking turns in blocks),
 * mapped onto the candidates' cumulative weights. Lock-free; backend {@code i} gets
 * {@code weight_i / totalWeight} of the tickets, within a few picks at any moment.
 */
final class WeightedRoundRobinSelector implements BackendSelector {
    private static final double GOLDEN = 0.6180339887498949;

    private final AtomicLong ticket = new AtomicLong();

    @Override
    public Backend select(Backend[] candidates, int count, long nowNanos) {
        if (count == 1) {
            return candidates[0];
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += candidates[i].weight();
        }
        double spread = (ticket.getAndIncrement() * GOLDEN) % 1.0;
        long t = (long) (spread * total);
        for (int i = 0; i < count; i++) {
            t -= candidates[i].weight();
            if (t < 0) {
                return candidates[i];
            }
        }
        return candidates[count - 1];
    }
}
