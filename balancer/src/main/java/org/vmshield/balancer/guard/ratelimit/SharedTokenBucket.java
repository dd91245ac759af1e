package org.vmshield.balancer.guard.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/** One token bucket shared by all callers (GCRA in one atomic long), lock-free and allocation-free. */
public final class SharedTokenBucket {
    private final AtomicLong tatMicros = new AtomicLong(Long.MIN_VALUE / 2);
    private final long intervalMicros;
    private final long toleranceMicros;

    /** Creates a full bucket of {@code burst} tokens refilled at {@code rateRps}. */
    public SharedTokenBucket(double rateRps, int burst) {
        if (!(rateRps > 0) || rateRps > 1_000_000) {
            throw new IllegalArgumentException("rateRps: " + rateRps + " (expected: > 0 and <= 1000000)");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst: " + burst + " (expected: > 0)");
        }
        this.intervalMicros = Math.max(1, Math.round(1_000_000 / rateRps));
        this.toleranceMicros = intervalMicros * burst;
    }

    /** Takes one token if there is one; returns false (and takes nothing) if not. */
    public boolean tryAcquire(long nowNanos) {
        long now = Math.floorDiv(nowNanos, 1000);
        while (true) {
            long tat = tatMicros.get();
            long next = Math.max(tat, now) + intervalMicros;
            if (next - now > toleranceMicros) {
                return false;
            }
            if (tatMicros.compareAndSet(tat, next)) {
                return true;
            }
        }
    }
}
