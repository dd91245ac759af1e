package org.vmshield.load.stats;

import java.net.InetAddress;
import java.util.Collections;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.vmshield.load.FailureKind;
import org.vmshield.load.TrafficClass;

/**
 * Counts every resolved request and connection event per service and traffic class, in totals
 * and in the current second. Not thread-safe: the engine calls it from its one event loop.
 */
public final class StatsRecorder {
    /** Latencies above this (one hour, in microseconds) are recorded as this. */
    static final long HIGHEST_MICROS = 3_600_000_000L;
    /** The statuses with which a guard refuses a client (403 Forbidden, 429 Too Many Requests). */
    private static final int REFUSED_FORBIDDEN = 403;
    private static final int REFUSED_TOO_MANY = 429;

    private final Map<String, Map<TrafficClass, Cell>> cells = new LinkedHashMap<>();
    private long secMaxLagNanos;
    private long maxLagNanos;

    /** Makes {@code cls} on {@code service} appear in reports even if it never gets traffic. */
    public void register(String service, TrafficClass cls) {
        cell(service, cls);
    }

    /**
     * Records a resolved request: a response ({@code status > 0}, {@code failure} null or its
     * kind) or a failure without response ({@code status == 0}). {@code source} is the client
     * address the server saw, or {@code null} when the connection was not bound to one.
     */
    public void recordRequest(String service, TrafficClass cls, InetAddress source, long latencyNanos, int status,
                              FailureKind failure) {
        Cell c = cell(service, cls);
        c.requests++;
        if (source != null) {
            c.sources.add(source);
            if (status == REFUSED_FORBIDDEN || status == REFUSED_TOO_MANY) {
                c.refused.add(source);
            }
        }
        c.secRequests++;
        if (failure == null) {
            c.successes++;
            c.secSuccesses++;
        } else {
            c.failures.merge(failure, 1L, Long::sum);
            c.secFailures.merge(failure, 1L, Long::sum);
        }
        if (status > 0) {
            c.statusCounts.merge(status, 1L, Long::sum);
            long micros = Math.max(0, Math.min(HIGHEST_MICROS, latencyNanos / 1_000));
            c.total.recordValue(micros);
            c.second.recordValue(micros);
        }
    }

    /** Records how late a request left after its scheduled time (the generator's own lag). */
    public void recordSendLag(long lagNanos) {
        secMaxLagNanos = Math.max(secMaxLagNanos, lagNanos);
        maxLagNanos = Math.max(maxLagNanos, lagNanos);
    }

    /** Returns the largest send lag of the run so far, in milliseconds. */
    public double maxSendLagMillis() {
        return maxLagNanos / 1e6;
    }

    /** Records an established attack connection. */
    public void connectionOpened(String service, TrafficClass cls) {
        Cell c = cell(service, cls);
        c.opened++;
        c.held++;
        c.peakHeld = Math.max(c.peakHeld, c.held);
    }

    /** Records a failed attack connect. */
    public void connectionFailed(String service, TrafficClass cls) {
        cell(service, cls).connectFailures++;
    }

    /** Records the close of an established attack connection. */
    public void connectionClosed(String service, TrafficClass cls, boolean byPeer) {
        Cell c = cell(service, cls);
        c.held--;
        if (byPeer) {
            c.closedByPeer++;
        }
    }

    /** Returns whether anything was recorded in the current second, or connections are held. */
    public boolean currentSecondHasActivity() {
        for (Map<TrafficClass, Cell> byClass : cells.values()) {
            for (Cell c : byClass.values()) {
                if (c.secRequests > 0 || c.held > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns the figures of the current second and starts a new one. */
    public SecondFigures closeSecond(int second, long startMillis, long endMillis) {
        double seconds = Math.max(1e-3, (endMillis - startMillis) / 1000.0);
        Map<String, Map<TrafficClass, SecondStats>> out = new LinkedHashMap<>();
        cells.forEach((service, byClass) -> {
            Map<TrafficClass, SecondStats> m = new EnumMap<>(TrafficClass.class);
            byClass.forEach((cls, c) -> {
                m.put(cls, new SecondStats(c.secRequests, c.secSuccesses, c.secFailures,
                        c.secRequests == 0 ? 1.0 : (double) c.secSuccesses / c.secRequests,
                        c.secSuccesses / seconds,
                        c.second.getTotalCount() == 0 ? 0 : c.second.getValueAtPercentile(50) / 1000.0,
                        c.second.getTotalCount() == 0 ? 0 : c.second.getValueAtPercentile(99) / 1000.0,
                        c.second.getMaxValue() / 1000.0, c.held, SecondStats.encode(c.second)));
                c.secRequests = 0;
                c.secSuccesses = 0;
                c.secFailures.clear();
                c.second.reset();
            });
            out.put(service, Collections.unmodifiableMap(m));
        });
        double lagMillis = secMaxLagNanos / 1e6;
        secMaxLagNanos = 0;
        return new SecondFigures(second, startMillis, endMillis, lagMillis, out);
    }

    /** Returns the totals so far, per service and class. */
    public Map<String, Map<TrafficClass, ClassStats>> totals() {
        Map<String, Map<TrafficClass, ClassStats>> out = new LinkedHashMap<>();
        cells.forEach((service, byClass) -> {
            Map<TrafficClass, ClassStats> m = new EnumMap<>(TrafficClass.class);
            byClass.forEach((cls, c) -> m.put(cls, new ClassStats(c.requests, c.successes, c.failures,
                    new TreeMap<>(c.statusCounts), c.requests == 0 ? 1.0 : (double) c.successes / c.requests,
                    LatencySummary.of(c.total),
                    new ConnectionStats(c.opened, c.connectFailures, c.closedByPeer, c.peakHeld),
                    c.sources.size(), c.refused.size())));
            out.put(service, Collections.unmodifiableMap(m));
        });
        return out;
    }

    private Cell cell(String service, TrafficClass cls) {
        return cells.computeIfAbsent(service, s -> new EnumMap<>(TrafficClass.class))
                .computeIfAbsent(cls, k -> new Cell());
    }

    /** The counters of one service and class. */
    private static final class Cell {
        final Histogram total = new Histogram(HIGHEST_MICROS, 3);
        final Histogram second = new Histogram(HIGHEST_MICROS, 2);
        final Map<FailureKind, Long> failures = new EnumMap<>(FailureKind.class);
        final Map<FailureKind, Long> secFailures = new EnumMap<>(FailureKind.class);
        final Map<Integer, Long> statusCounts = new TreeMap<>();
        final Set<InetAddress> sources = new HashSet<>();
        final Set<InetAddress> refused = new HashSet<>();
        long requests;
        long successes;
        long secRequests;
        long secSuccesses;
        long opened;
        long connectFailures;
        long closedByPeer;
        long held;
        long peakHeld;
    }
}
