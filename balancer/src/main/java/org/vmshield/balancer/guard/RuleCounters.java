package org.vmshield.balancer.guard;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Refusals by one rule, per pool; counting allocates only the first time a pool is seen. */
final class RuleCounters {
    /** Pool key for refusals outside any pool (connections opened without a pool). */
    static final String NO_POOL = "";

    final String ruleId;
    final ConcurrentHashMap<String, PoolCounts> byPool = new ConcurrentHashMap<>();

    RuleCounters(String ruleId) {
        this.ruleId = ruleId;
    }

    void requestRefused(String pool) {
        counts(pool).requests.increment();
    }

    void connectionRefused(String pool) {
        counts(pool).connections.increment();
    }

    private PoolCounts counts(String pool) {
        String key = pool == null ? NO_POOL : pool;
        PoolCounts c = byPool.get(key);
        return c != null ? c : byPool.computeIfAbsent(key, k -> new PoolCounts());
    }

    /** Cumulative counts and what the last snapshot reported. */
    static final class PoolCounts {
        final LongAdder requests = new LongAdder();
        final LongAdder connections = new LongAdder();
        long reportedRequests;
        long reportedConnections;
    }
}
