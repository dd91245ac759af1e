package org.vmshield.load.stats;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of a set of requests, in milliseconds, measured from each request's
 * scheduled send time (so a late send counts: no coordinated omission).
 *
 * @param count requests measured (those that got a response, success or not)
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param maxMs maximum
 * @param meanMs mean
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {
    /** No measurement. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    /** Returns the summary of a histogram of microseconds. */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0,
                micros.getMean() / 1000.0);
    }
}
