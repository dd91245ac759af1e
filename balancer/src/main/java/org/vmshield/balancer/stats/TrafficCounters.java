package org.vmshield.balancer.stats;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Cumulative traffic counters of a pool or a backend, written from event loops without locks
 * ({@link LongAdder} cells, a wait-free HdrHistogram {@link Recorder}), and rolled into per-interval
 * figures by the one stats thread.
 */
public final class TrafficCounters {
    /** Latencies are recorded in microseconds up to one hour. */
    static final long MAX_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

    private final LongAdder[] statuses = new LongAdder[6];
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder newConnections = new LongAdder();
    private final LongAdder connectionsOpen = new LongAdder();
    private final LongAdder inFlight = new LongAdder();
    private final Recorder latencyMicros = new Recorder(MAX_LATENCY_MICROS, 2);
    private final long[] previous = new long[9];

    /** Creates zeroed counters. */
    public TrafficCounters() {
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = new LongAdder();
        }
    }

    /** Counts a response from a backend (or a local one, with latency -1) by status class. */
    public void response(int status, long latencyNanos) {
        int cls = status / 100;
        statuses[cls >= 1 && cls <= 5 ? cls - 1 : 4].increment();
        if (latencyNanos >= 0) {
            latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(1, latencyNanos / 1000)));
        }
    }

    /** Counts a request that got no answer from a backend at all (connect failure, reset, timeout). */
    public void error() {
        statuses[5].increment();
    }

    /** Adds request bytes received from a client. */
    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    /** Adds response bytes sent to a client. */
    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    /** Notes a client connection opened. */
    public void connectionOpened() {
        newConnections.increment();
        connectionsOpen.increment();
    }

    /** Notes a client connection closed. */
    public void connectionClosed() {
        connectionsOpen.decrement();
    }

    /** Notes a request started. */
    public void requestStarted() {
        inFlight.increment();
    }

    /** Notes a request finished, whatever its outcome. */
    public void requestFinished() {
        inFlight.decrement();
    }

    /** Returns the requests in flight now. */
    public long inFlight() {
        return inFlight.sum();
    }

    /** Returns the client connections open now. */
    public long connectionsOpen() {
        return connectionsOpen.sum();
    }

    /** Returns the cumulative count of a status class (0: 1xx .. 4: 5xx, 5: errors). */
    public long statusTotal(int index) {
        return statuses[index].sum();
    }

    /** Returns the cumulative request bytes. */
    public long bytesInTotal() {
        return bytesIn.sum();
    }

    /** Returns the cumulative response bytes. */
    public long bytesOutTotal() {
        return bytesOut.sum();
    }

    /** Returns the cumulative number of connections opened. */
    public long newConnectionsTotal() {
        return newConnections.sum();
    }

    /** Returns cumulative totals, in the order 1xx..5xx, errors, bytesIn, bytesOut, newConnections. */
    public long[] totals() {
        long[] t = new long[9];
        for (int i = 0; i < 6; i++) {
            t[i] = statuses[i].sum();
        }
        t[6] = bytesIn.sum();
        t[7] = bytesOut.sum();
        t[8] = newConnections.sum();
        return t;
    }

    /** Returns what happened since the previous roll and starts a new interval (stats thread only). */
    public synchronized IntervalCounts roll() {
        long[] now = totals();
        long[] d = new long[now.length];
        for (int i = 0; i < now.length; i++) {
            d[i] = now[i] - previous[i];
            previous[i] = now[i];
        }
        Histogram h = latencyMicros.getIntervalHistogram();
        return new IntervalCounts(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8],
                inFlight.sum(), connectionsOpen.sum(), h);
    }
}
