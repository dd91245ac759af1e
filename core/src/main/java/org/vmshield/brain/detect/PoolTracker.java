package org.vmshield.brain.detect;

import java.util.HashMap;

/** The learned normal of one pool, its backends and its paths. Mutable; owned by the engine. */
final class PoolTracker {
    static final long NEVER = Long.MIN_VALUE / 4;

    final String pool;
    final EwmaBaseline requests = new EwmaBaseline();
    final EwmaBaseline newConnections = new EwmaBaseline();
    final EwmaBaseline distinctSources = new EwmaBaseline();
    final EwmaBaseline newSources = new EwmaBaseline();
    /** Distinct sources over the balancer's recent window (half a minute): the pool's client population. */
    final EwmaBaseline recentSources = new EwmaBaseline();
    final EwmaBaseline topShare = new EwmaBaseline();
    final EwmaBaseline connectionsOpen = new EwmaBaseline();
    final EwmaBaseline latencyP50 = new EwmaBaseline();
    final HashMap<String, BackendTracker> backends = new HashMap<>();
    final HashMap<String, PathTracker> paths = new HashMap<>();
    /** Backends in the order the last snapshot listed them: a hit skips the map lookup. */
    BackendTracker[] order = new BackendTracker[0];
    long lastSeenMillis;
    /** Last tick with a flood or flash crowd finding: rate baselines freeze for the hold-down after it. */
    long lastRateAnomalyMillis = NEVER;
    long lastConnectionAnomalyMillis = NEVER;
    long lastCostAnomalyMillis = NEVER;
    /** Last tick with a flash crowd finding: the pool learns slowly for the hold-down after it, not only during it. */
    long lastFlashCrowdMillis = NEVER;
    /** Requests in flight at the last tick, and when: their growth counts as arrivals not yet answered. */
    long lastInFlight;
    long lastInFlightMillis = NEVER;

    PoolTracker(String pool) {
        this.pool = pool;
    }

    /** Returns the normal request rate of one source (pool rate over distinct sources), or NaN. */
    double perSourceBaseline() {
        double d = distinctSources.mean();
        return d >= 1 ? requests.mean() / d : Double.NaN;
    }
}
