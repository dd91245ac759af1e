package org.vmshield.balancer.guard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.vmshield.balancer.guard.cidr.CidrTable;
import org.vmshield.balancer.guard.ratelimit.SourceKeys;
import org.vmshield.model.telemetry.GuardStat;

/**
 * The guard filters, in a fixed order, called by the proxy on every connection and request.
 * Thread-safe: called concurrently from several event loops; each call reads the published rule
 * set once (one volatile load), takes no lock and allocates nothing (an IPv6 source costs up to two
 * 16-byte copies of its address, which the JDK offers no other way to read).
 *
 * <p>Order on a new connection: (1) CIDR, longest prefix: deny refuses, allow exempts the source
 * from (2) and (3); (2) per-source new-connection rate; (3) per-source open connections.
 * Order on a request: (1) CIDR deny (rules added after the connection opened apply too);
 * (2) per-source request rate (the pool's rules, then those for all pools); (3) path denies;
 * (4) path rate limits; (5) path in-flight caps. The first refusal wins.
 *
 * <p>Contract with the caller: call {@link #onConnectionClose} once for each connection whose
 * {@link #onConnectionOpen} was allowed, and {@link #onRequestDone} once for each request whose
 * {@link #onRequest} was allowed. {@code nowNanos} comes from {@link System#nanoTime()} (or the
 * clock given to the constructor).
 */
public final class GuardChain {
    private static final ExecutorService DEFAULT_EXPIRY = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmshield-guard-expiry");
        t.setDaemon(true);
        return t;
    });

    private final GuardCounters counters = new GuardCounters();
    private final GuardRuleStore store;

    /** Creates a chain without rules, on the system nano clock. */
    public GuardChain(GuardSettings settings) {
        this(settings, System::nanoTime, DEFAULT_EXPIRY);
    }

    /**
     * Creates a chain without rules.
     *
     * @param nanoClock the clock TTLs are measured with (the hot path's {@code nowNanos} must agree)
     * @param expiryExecutor where expired rules are removed once the hot path notices them
     */
    public GuardChain(GuardSettings settings, LongSupplier nanoClock, Executor expiryExecutor) {
        this.store = new GuardRuleStore(settings, counters, nanoClock, expiryExecutor);
    }

    /** Returns the rule store: add, remove and list rules here. */
    public GuardRuleStore rules() {
        return store;
    }

    /** Returns the refusal counters. */
    public GuardCounters counters() {
        return counters;
    }

    /** Returns the refusals per rule for {@code pool} since the previous call for that pool. */
    public List<GuardStat> guardStats(String pool) {
        return counters.snapshot(pool);
    }

    /** Decides on a new connection from {@code src}; refusals are counted without a pool. */
    public Verdict onConnectionOpen(InetAddress src, long nowNanos) {
        return onConnectionOpen(src, null, nowNanos);
    }

    /**
     * Decides on a new connection from {@code src} to a listener of {@code pool} (for counting
     * refusals per pool; null when not known). A refusal with a status action means: answer the
     * first request with that status, then close.
     */
    public Verdict onConnectionOpen(InetAddress src, String pool, long nowNanos) {
        GuardRuleSet set = read(nowNanos);
        int cidr = cidrMatch(set, src);
        if (cidr >= 0) {
            CidrRuntime c = set.cidrRules[cidr];
            if (!c.allows) {
                c.counters.connectionRefused(pool);
                return c.refusal;
            }
            return Verdict.ALLOW; // allowed blocks skip the per-source limits
        }
        if (set.connectionRates.length == 0 && set.connectionLimits.length == 0) {
            return Verdict.ALLOW;
        }
        long key = SourceKeys.of(src);
        for (SourceRateRuntime r : set.connectionRates) {
            if (!r.buckets.tryAcquire(key, nowNanos)) {
                r.counters.connectionRefused(pool);
                return r.refusal;
            }
        }
        ConnectionLimitRuntime[] limits = set.connectionLimits;
        for (int i = 0; i < limits.length; i++) {
            if (!limits[i].open.tryIncrement(key, limits[i].max)) {
                for (int j = 0; j < i; j++) {
                    limits[j].open.decrement(key);
                }
                limits[i].counters.connectionRefused(pool);
                return limits[i].refusal;
            }
        }
        return Verdict.ALLOW;
    }

    /** Records that an allowed connection from {@code src} closed. */
    public void onConnectionClose(InetAddress src) {
        GuardRuleSet set = store.current();
        ConnectionLimitRuntime[] limits = set.connectionLimits;
        if (limits.length == 0) {
            return;
        }
        int cidr = cidrMatch(set, src);
        if (cidr >= 0 && set.cidrRules[cidr].allows) {
            return; // not counted when it opened
        }
        long key = SourceKeys.of(src);
        for (ConnectionLimitRuntime l : limits) {
            l.open.decrement(key);
        }
    }

    /**
     * Decides on a request from {@code src} for {@code path} (without the query) of {@code pool}.
     */
    public Verdict onRequest(InetAddress src, String pool, String path, long nowNanos) {
        GuardRuleSet set = read(nowNanos);
        boolean exempt = false;
        int cidr = cidrMatch(set, src);
        if (cidr >= 0) {
            CidrRuntime c = set.cidrRules[cidr];
            if (!c.allows) {
                c.counters.requestRefused(pool);
                return c.refusal;
            }
            exempt = true;
        }
        long key = 0;
        SourceRateRuntime[] rates = set.ratesFor(pool);
        if (!exempt && rates.length > 0) {
            key = SourceKeys.of(src);
            for (SourceRateRuntime r : rates) {
                if (!r.buckets.tryAcquire(key, nowNanos)) {
                    r.counters.requestRefused(pool);
                    return r.refusal;
                }
            }
        }
        PathRuntime[] paths = set.pathsFor(pool);
        for (int i = 0; i < paths.length; i++) {
            PathRuntime p = paths[i];
            if (!p.pattern.matches(path)) {
                continue;
            }
            boolean ok;
            switch (p.kind) {
                case DENY -> ok = false;
                case RATE -> {
                    if (p.sharedBucket != null) {
                        ok = p.sharedBucket.tryAcquire(nowNanos);
                    } else if (exempt) {
                        ok = true;
                    } else {
                        if (key == 0) {
                            key = SourceKeys.of(src);
                        }
                        ok = p.sourceBuckets.tryAcquire(key, nowNanos);
                    }
                }
                default -> {
                    if (p.inFlight.incrementAndGet() > p.maxInFlight) {
                        p.release();
                        ok = false;
                    } else {
                        ok = true;
                    }
                }
            }
            if (!ok) {
                releaseInFlight(paths, i, path);
                p.counters.requestRefused(pool);
                return p.refusal;
            }
        }
        return Verdict.ALLOW;
    }

    /** Records that an allowed request finished (frees its in-flight places). */
    public void onRequestDone(InetAddress src, String pool, String path) {
        PathRuntime[] paths = store.current().pathsFor(pool);
        releaseInFlight(paths, paths.length, path);
    }

    private static void releaseInFlight(PathRuntime[] paths, int upTo, String path) {
        for (int j = 0; j < upTo; j++) {
            PathRuntime p = paths[j];
            if (p.kind == PathRuntime.Kind.IN_FLIGHT && p.pattern.matches(path)) {
                p.release();
            }
        }
    }

    private GuardRuleSet read(long nowNanos) {
        GuardRuleSet set = store.current();
        if (set.nextExpiryNanos != GuardRuleSet.NEVER && nowNanos - set.nextExpiryNanos >= 0) {
            store.expireSoon();
        }
        return set;
    }

    private static int cidrMatch(GuardRuleSet set, InetAddress src) {
        CidrTable t = set.cidr;
        if (t.blockCount() == 0) {
            return CidrTable.NO_MATCH;
        }
        return src instanceof Inet4Address ? t.lookupV4(src.hashCode()) : t.lookup(src);
    }
}
