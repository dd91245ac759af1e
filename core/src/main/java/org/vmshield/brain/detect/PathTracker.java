package org.vmshield.brain.detect;

/** The learned normal of one path of a pool: its cost per request, its rate, its share of requests. */
final class PathTracker {
    final String path;
    final EwmaBaseline meanBackendMillis = new EwmaBaseline();
    final EwmaBaseline requests = new EwmaBaseline();
    final EwmaBaseline share = new EwmaBaseline();
    long lastSeenMillis;
    long lastCostTick = -1;
    long lastAnomalyMillis = PoolTracker.NEVER;

    PathTracker(String path) {
        this.path = path;
    }
}
