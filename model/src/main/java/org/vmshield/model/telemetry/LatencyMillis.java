package org.vmshield.model.telemetry;

/**
 * Latency percentiles in milliseconds over one interval; {@code count} 0 means no sample.
 */
public record LatencyMillis(long count, double p50, double p90, double p99, double max) {
    /** No samples. */
    public static final LatencyMillis NONE = new LatencyMillis(0, 0, 0, 0, 0);
}
