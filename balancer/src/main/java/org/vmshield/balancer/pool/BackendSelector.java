package org.vmshield.balancer.pool;

/** Picks one backend among eligible candidates; called on event loops, so it must not block or lock. */
public interface BackendSelector {
    /**
     * Returns one of {@code candidates[0..count)}; {@code count >= 1}. Every candidate is active,
     * healthy and has a weight above 0.
     */
    Backend select(Backend[] candidates, int count, long nowNanos);
}
