package org.vmshield.balancer.pool;

/**
 * Power of two choices with peak-EWMA (Finagle): pick two distinct candidates at random and keep the
 * one with the lower cost, {@code latencyEwma * (outstanding + 1) / weight}. A backend without a
 * latency sample yet costs a large penalty per outstanding request, so it is probed but not flooded.
 */
final class P2cPeakEwmaSelector implements BackendSelector {
    /** Cost (ns) of an unmeasured backend per outstanding request: 1 s, as Finagle's penalty. */
    static final double UNMEASURED_PENALTY_NANOS = 1e9;

    private final RandomSource random;

    P2cPeakEwmaSelector(RandomSource random) {
        this.random = random;
    }

    @Override
    public Backend select(Backend[] candidates, int count, long nowNanos) {
        if (count == 1) {
            return candidates[0];
        }
        int a = random.nextInt(count);
        int b = random.nextInt(count - 1);
        if (b >= a) {
            b++;
        }
        Backend x = candidates[a];
        Backend y = candidates[b];
        return cost(y, nowNanos) < cost(x, nowNanos) ? y : x;
    }

    static double cost(Backend b, long nowNanos) {
        double ewma = b.latencyEwmaNanos(nowNanos);
        int outstanding = b.outstanding();
        double raw = (ewma == 0 && outstanding != 0)
                ? UNMEASURED_PENALTY_NANOS + outstanding
                : ewma * (outstanding + 1);
        return raw / b.weight();
    }
}
