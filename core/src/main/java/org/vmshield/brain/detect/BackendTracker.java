package org.vmshield.brain.detect;

/** The learned normal of one backend. Mutable; owned by its pool's tracker. */
final class BackendTracker {
    final String backendId;
    final EwmaBaseline requests = new EwmaBaseline();
    final EwmaBaseline latencyP90 = new EwmaBaseline();
    double lastLatencyP90 = Double.NaN;
    long lastSeenMillis;
    long lastAnomalyMillis = PoolTracker.NEVER;

    BackendTracker(String backendId) {
        this.backendId = backendId;
    }

    /** Returns the last p90 latency over its baseline, or NaN without a baseline. */
    double latencyRatio(int warmupSamples) {
        if (!latencyP90.isWarm(warmupSamples) || !(latencyP90.mean() > 0) || Double.isNaN(lastLatencyP90)) {
            return Double.NaN;
        }
        return lastLatencyP90 / latencyP90.mean();
    }
}
