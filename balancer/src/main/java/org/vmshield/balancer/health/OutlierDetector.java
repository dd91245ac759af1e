package org.vmshield.balancer.health;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.balancer.config.OutlierConfig;
import org.vmshield.balancer.pool.Backend;

/**
 * Passive outlier ejection: a backend that answers {@code consecutiveFailures} times in a row with a
 * 5xx or fails to connect is ejected for {@code baseEjection * n} (n = its ejection count, capped),
 * unless that would put more than {@code maxEjectedPercent} of the pool out at once. The count starts
 * again after the backend stayed in for {@code maxEjectionMillis}. It comes back by itself at the end
 * of the ejection time.
 */
public final class OutlierDetector {
    private static final Logger LOG = LoggerFactory.getLogger(OutlierDetector.class);

    private final String pool;
    private final OutlierConfig config;
    private final Supplier<Backend[]> backends;
    private final LongSupplier nanoClock;

    /** Creates a detector for the backends of one pool. */
    public OutlierDetector(String pool, OutlierConfig config, Supplier<Backend[]> backends, LongSupplier nanoClock) {
        this.pool = pool;
        this.config = config;
        this.backends = backends;
        this.nanoClock = nanoClock;
    }

    /** Notes a good answer (no write when there is nothing to reset, so it costs a read). */
    public void onSuccess(Backend backend) {
        if (backend.consecutiveFailures().get() != 0) {
            backend.consecutiveFailures().set(0);
        }
    }

    /** Notes a 5xx answer or a connect failure; may eject the backend. */
    public void onFailure(Backend backend) {
        if (backend.consecutiveFailures().incrementAndGet() >= config.consecutiveFailures()) {
            tryEject(backend, nanoClock.getAsLong());
        }
    }

    private synchronized void tryEject(Backend backend, long nowNanos) {
        if (backend.ejected(nowNanos) || backend.consecutiveFailures().get() < config.consecutiveFailures()) {
            return;
        }
        Backend[] all = backends.get();
        int ejected = 0;
        for (Backend b : all) {
            if (b.ejected(nowNanos)) {
                ejected++;
            }
        }
        if ((ejected + 1) * 100L > (long) all.length * config.maxEjectedPercent()) {
            return;
        }
        long maxNanos = TimeUnit.MILLISECONDS.toNanos(config.maxEjectionMillis());
        long lastEnd = backend.ejectedUntilNanos();
        if (lastEnd != 0 && nowNanos - lastEnd > maxNanos) {
            backend.ejections().set(0);
        }
        int n = backend.ejections().incrementAndGet();
        long nanos = Math.min(maxNanos, TimeUnit.MILLISECONDS.toNanos(config.baseEjectionMillis()) * n);
        backend.ejectUntil(nowNanos + nanos);
        backend.consecutiveFailures().set(0);
        LOG.warn("pool {}: ejected backend {} for {} ms (ejection #{}, {} failures in a row)",
                pool, backend.id(), TimeUnit.NANOSECONDS.toMillis(nanos), n, config.consecutiveFailures());
    }
}
