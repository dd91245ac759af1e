package org.vmshield.balancer.pool;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.vmshield.balancer.stats.TrafficCounters;

/**
 * One backend of a pool: an id, an address that can be switched atomically under the same id, a
 * weight, a state, health, and the live figures selection needs (outstanding requests, peak-EWMA
 * latency). Fields read on the hot path are volatile; nothing here takes a lock.
 */
public final class Backend {
    /** Weights run 0..MAX_WEIGHT; 0 takes no new requests (like draining, but still "active"). */
    public static final int MAX_WEIGHT = 10_000;

    private final String id;
    private volatile BackendAddress address;
    private volatile int weight;
    private volatile BackendState state;
    private volatile boolean checkedHealthy = true;
    private volatile long ejectedUntilNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicInteger ejections = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final PeakEwma latency;
    private final TrafficCounters counters = new TrafficCounters();
    private final PauseQueue pauseQueue;
    private final BackendConnections connections = new BackendConnections();

    /** Creates a backend; {@code ewmaDecayNanos} is the peak-EWMA time constant. */
    public Backend(String id, BackendAddress address, int weight, BackendState state, int maxPaused, long ewmaDecayNanos) {
        this.id = Objects.requireNonNull(id, "id");
        this.address = Objects.requireNonNull(address, "address");
        this.weight = checkWeight(weight);
        this.state = Objects.requireNonNull(state, "state");
        this.pauseQueue = new PauseQueue(maxPaused);
        this.latency = new PeakEwma(ewmaDecayNanos);
    }

    static int checkWeight(int weight) {
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: 0.." + MAX_WEIGHT + ")");
        }
        return weight;
    }

    /** Returns the id, unique in its pool. */
    public String id() {
        return id;
    }

    /** Returns the current address. */
    public BackendAddress address() {
        return address;
    }

    /** Returns the current weight. */
    public int weight() {
        return weight;
    }

    /** Returns the current state. */
    public BackendState state() {
        return state;
    }

    /** Returns true unless active checks or outlier detection have ejected the backend. */
    public boolean healthy(long nowNanos) {
        return checkedHealthy && !ejected(nowNanos);
    }

    /** Returns true while outlier detection keeps the backend out. */
    public boolean ejected(long nowNanos) {
        long until = ejectedUntilNanos;
        return until != 0 && nowNanos - until < 0;
    }

    /** Returns true if selection may send a new request here now (active, weighted, healthy). */
    public boolean selectable(long nowNanos) {
        return state == BackendState.ACTIVE && weight > 0 && healthy(nowNanos);
    }

    void setWeight(int weight) {
        this.weight = checkWeight(weight);
    }

    /** Sets the state; leaving {@code paused} releases the held requests (they pick again). */
    void setState(BackendState state) {
        this.state = Objects.requireNonNull(state, "state");
        if (state != BackendState.PAUSED) {
            pauseQueue.releaseAll();
        }
    }

    /**
     * Switches the address. Pooled idle connections to the old address are closed when next seen;
     * requests already in flight finish on the connection they have.
     */
    void setAddress(BackendAddress address) {
        this.address = Objects.requireNonNull(address, "address");
        connections.closeIdle();
        if (state != BackendState.PAUSED) {
            pauseQueue.releaseAll();
        }
    }

    /** Marks the result of the active health check. */
    public void setCheckedHealthy(boolean healthy) {
        this.checkedHealthy = healthy;
    }

    /** Returns the last active health check result (true before the first check). */
    public boolean checkedHealthy() {
        return checkedHealthy;
    }

    /** Ejects until the given time (outlier detection). */
    public void ejectUntil(long untilNanos) {
        this.ejectedUntilNanos = untilNanos == 0 ? 1 : untilNanos;
    }

    /** Returns when the last ejection ends (0: never ejected). */
    public long ejectedUntilNanos() {
        return ejectedUntilNanos;
    }

    /** Counts consecutive failures seen by passive outlier detection. */
    public AtomicInteger consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Counts how many times the backend was ejected; the ejection time grows with it. */
    public AtomicInteger ejections() {
        return ejections;
    }

    /** Returns the number of requests sent here and not yet finished. */
    public int outstanding() {
        return outstanding.get();
    }

    /** Notes a request starting here. */
    public void requestStarted() {
        outstanding.incrementAndGet();
    }

    /** Notes a request finishing here; {@code latencyNanos} feeds peak-EWMA (negative: no sample). */
    public void requestFinished(long latencyNanos, long nowNanos) {
        outstanding.decrementAndGet();
        if (latencyNanos >= 0) {
            latency.observe(latencyNanos, nowNanos);
        }
    }

    /** Returns the peak-EWMA latency estimate in nanoseconds, decayed to now. */
    public double latencyEwmaNanos(long nowNanos) {
        return latency.cost(nowNanos);
    }

    /** Returns the traffic counters of this backend. */
    public TrafficCounters counters() {
        return counters;
    }

    /** Returns the queue of requests held while paused. */
    public PauseQueue pauseQueue() {
        return pauseQueue;
    }

    /** Returns the idle keep-alive connections to this backend, per event loop. */
    public BackendConnections connections() {
        return connections;
    }

    @Override
    public String toString() {
        return id + "@" + address + "(" + state.wireName() + ", w=" + weight + ")";
    }
}
