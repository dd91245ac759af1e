package org.vmshield.balancer.pool;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.balancer.config.PoolConfig;
import org.vmshield.balancer.health.OutlierDetector;
import org.vmshield.balancer.stats.TrafficCounters;

/**
 * A pool: the backends of one service, a selection strategy and the pool's own counters. The backend
 * list is copy-on-write: changes build a new array and publish it, so {@link #pick} reads it without a
 * lock. Changes are serialized by the pool's monitor (admin path only).
 */
public final class Pool {
    /** Peak-EWMA time constant, as Finagle's default. */
    static final long EWMA_DECAY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final FastThreadLocal<Backend[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected Backend[] initialValue() {
            return new Backend[16];
        }
    };

    private final PoolConfig config;
    private final SelectionStrategy strategy;
    private final BackendSelector selector;
    private final LongSupplier nanoClock;
    private final TrafficCounters counters = new TrafficCounters();
    private final OutlierDetector outliers;
    private volatile Backend[] backends = new Backend[0];

    /** Creates a pool and its initial backends from a validated config. */
    public Pool(PoolConfig config, LongSupplier nanoClock, RandomSource random) {
        this.config = config;
        this.strategy = SelectionStrategy.parse("strategy", config.strategy());
        this.selector = strategy.newSelector(random);
        this.nanoClock = nanoClock;
        this.outliers = new OutlierDetector(config.name(), config.outlier(), () -> backends, nanoClock);
        for (BackendConfig b : config.backends()) {
            addBackend(b);
        }
    }

    /** Returns the pool name. */
    public String name() {
        return config.name();
    }

    /** Returns the service the pool serves. */
    public String service() {
        return config.service();
    }

    /** Returns the selection strategy. */
    public SelectionStrategy strategy() {
        return strategy;
    }

    /** Returns the config the pool was created with (its initial backends, health, outlier and pause settings). */
    public PoolConfig config() {
        return config;
    }

    /** Returns the pool-level counters: client connections and requests answered before a backend was picked. */
    public TrafficCounters counters() {
        return counters;
    }

    /** Returns the passive outlier detector. */
    public OutlierDetector outliers() {
        return outliers;
    }

    /** Returns the clock used for selection and ejection. */
    public LongSupplier nanoClock() {
        return nanoClock;
    }

    /** Returns the current backends (a snapshot; do not modify). */
    public Backend[] backends() {
        return backends;
    }

    /**
     * Picks a backend for a new request, never {@code exclude}. Prefers active healthy backends; when
     * none is, falls back to active unhealthy ones (panic routing, as Envoy does, rather than fail
     * everything), then to a paused one (the caller holds the request). Returns null when none is left.
     */
    public Backend pick(Backend exclude) {
        return pick(exclude, nanoClock.getAsLong());
    }

    /** {@link #pick(Backend)} at {@code nowNanos}, the time of this pool's clock the caller just read. */
    public Backend pick(Backend exclude, long nowNanos) {
        long now = nowNanos;
        Backend[] all = backends;
        Backend[] scratch = SCRATCH.get();
        if (scratch.length < all.length) {
            scratch = new Backend[all.length * 2];
            SCRATCH.set(scratch);
        }
        int n = 0;
        for (Backend b : all) {
            if (b != exclude && b.selectable(now)) {
                scratch[n++] = b;
            }
        }
        if (n == 0) {
            for (Backend b : all) {
                if (b != exclude && b.state() == BackendState.ACTIVE && b.weight() > 0) {
                    scratch[n++] = b;
                }
            }
        }
        Backend chosen = null;
        if (n > 0) {
            chosen = selector.select(scratch, n, now);
        } else {
            for (Backend b : all) {
                if (b != exclude && b.state() == BackendState.PAUSED) {
                    chosen = b;
                    break;
                }
            }
        }
        Arrays.fill(scratch, 0, n, null);
        return chosen;
    }

    /** Returns the backend with this id, or null. */
    public Backend backend(String id) {
        for (Backend b : backends) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        return null;
    }

    /** Returns the backend with this id; throws NoSuchElementException naming it. */
    public Backend require(String id) {
        Backend b = backend(id);
        if (b == null) {
            throw new NoSuchElementException("backend: " + id + " (expected: the id of a backend of pool " + name() + ")");
        }
        return b;
    }

    /** Adds a backend from a validated config; throws IllegalArgumentException if the id is taken. */
    public synchronized Backend addBackend(BackendConfig c) {
        if (backend(c.id()) != null) {
            throw new IllegalArgumentException("id: " + c.id() + " (expected: an id not used in pool " + name() + ")");
        }
        Backend b = new Backend(c.id(), BackendAddress.parse("address", c.address()), c.weight(),
                BackendState.parse("state", c.state()), config.pause().maxQueued(), EWMA_DECAY_NANOS);
        Backend[] next = Arrays.copyOf(backends, backends.length + 1);
        next[next.length - 1] = b;
        backends = next;
        return b;
    }

    /** Removes a backend: no new requests go there; in-flight ones finish; held ones pick again. */
    public synchronized Backend removeBackend(String id) {
        Backend b = require(id);
        List<Backend> next = new ArrayList<>(Arrays.asList(backends));
        next.remove(b);
        backends = next.toArray(new Backend[0]);
        b.setState(BackendState.MAINTENANCE);
        b.connections().close();
        return b;
    }

    /** Sets a backend's weight (0..10000). */
    public synchronized void setWeight(String id, int weight) {
        require(id).setWeight(weight);
    }

    /** Sets a backend's state; leaving paused releases the held requests. */
    public synchronized void setState(String id, BackendState state) {
        require(id).setState(state);
    }

    /** Switches a backend's address atomically; held requests go to the new address once released. */
    public synchronized void setAddress(String id, BackendAddress address) {
        require(id).setAddress(address);
    }

    /** Returns the pause deadline in nanoseconds. */
    public long pauseDeadlineNanos() {
        return TimeUnit.MILLISECONDS.toNanos(config.pause().deadlineMillis());
    }

    /** Closes idle connections and releases held requests of every backend (pool removal). */
    public synchronized void close() {
        for (Backend b : backends) {
            b.setState(BackendState.MAINTENANCE);
            b.connections().close();
        }
    }
}
