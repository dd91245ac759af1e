package org.vmshield.balancer.stats;

import org.HdrHistogram.Histogram;
import org.vmshield.model.telemetry.LatencyMillis;
import org.vmshield.model.telemetry.StatusCounts;
import org.vmshield.model.telemetry.TrafficStats;

/**
 * Counts over one interval (deltas) plus gauges at its end, and the interval's latency histogram in
 * microseconds. Added together to make pool totals.
 */
public record IntervalCounts(
        long s1xx, long s2xx, long s3xx, long s4xx, long s5xx, long errors,
        long bytesIn, long bytesOut, long newConnections, long inFlight, long connectionsOpen,
        Histogram latencyMicros) {

    /** Returns the sum of this and {@code o} (histograms merged into a new one). */
    public IntervalCounts plus(IntervalCounts o) {
        Histogram h = new Histogram(TrafficCounters.MAX_LATENCY_MICROS, 2);
        h.add(latencyMicros);
        h.add(o.latencyMicros);
        return new IntervalCounts(s1xx + o.s1xx, s2xx + o.s2xx, s3xx + o.s3xx, s4xx + o.s4xx, s5xx + o.s5xx,
                errors + o.errors, bytesIn + o.bytesIn, bytesOut + o.bytesOut, newConnections + o.newConnections,
                inFlight + o.inFlight, connectionsOpen + o.connectionsOpen, h);
    }

    /** Returns the model record, rates per second over {@code intervalMillis}. */
    public TrafficStats toStats(long intervalMillis) {
        double seconds = Math.max(1, intervalMillis) / 1000.0;
        StatusCounts statuses = new StatusCounts(s1xx, s2xx, s3xx, s4xx, s5xx, errors);
        return new TrafficStats(statuses.total() / seconds, inFlight, latency(), statuses, connectionsOpen,
                newConnections / seconds, bytesIn / seconds, bytesOut / seconds);
    }

    private LatencyMillis latency() {
        Histogram h = latencyMicros;
        if (h == null || h.getTotalCount() == 0) {
            return LatencyMillis.NONE;
        }
        return new LatencyMillis(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
