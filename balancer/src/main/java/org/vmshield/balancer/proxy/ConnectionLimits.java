package org.vmshield.balancer.proxy;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The always-on connection caps: globally and per source address. Per-source counts are kept only
 * for sources with open connections, so memory is bounded by {@code maxConnections}. Touched once per
 * connection, never per request.
 */
public final class ConnectionLimits {
    private final int maxConnections;
    private final int maxPerSource;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    /** Creates the caps. */
    public ConnectionLimits(int maxConnections, int maxPerSource) {
        this.maxConnections = maxConnections;
        this.maxPerSource = maxPerSource;
    }

    /** Takes a slot for a new connection from {@code source}; false (and nothing taken) when over a cap. */
    public boolean tryAcquire(InetAddress source) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refused.increment();
            return false;
        }
        boolean[] ok = {true};
        perSource.compute(source, (k, n) -> {
            if (n == null) {
                return new AtomicInteger(1);
            }
            if (n.get() >= maxPerSource) {
                ok[0] = false;
            } else {
                n.incrementAndGet();
            }
            return n;
        });
        if (!ok[0]) {
            open.decrementAndGet();
            refused.increment();
        }
        return ok[0];
    }

    /** Gives back the slot of a closed connection. */
    public void release(InetAddress source) {
        open.decrementAndGet();
        perSource.computeIfPresent(source, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Returns the connections open now. */
    public int open() {
        return open.get();
    }

    /** Returns the connections refused so far by either cap. */
    public long refused() {
        return refused.sum();
    }

    /** Returns the number of sources with open connections. */
    public int sources() {
        return perSource.size();
    }
}
