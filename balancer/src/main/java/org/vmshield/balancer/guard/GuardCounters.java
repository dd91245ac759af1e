package org.vmshield.balancer.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vmshield.model.telemetry.GuardStat;

/**
 * Refusal counters of every rule, by pool. Counters outlive their rule, so refusals counted just
 * before a rule expired are still reported once.
 */
public final class GuardCounters {
    private final ConcurrentHashMap<String, RuleCounters> byRule = new ConcurrentHashMap<>();

    RuleCounters forRule(String ruleId) {
        return byRule.computeIfAbsent(ruleId, RuleCounters::new);
    }

    /**
     * Returns the refusals per rule for {@code pool} since the previous call for that pool, rules
     * without refusals left out. {@code pool} null returns the refusals counted without a pool
     * (connections refused by {@link GuardChain#onConnectionOpen(java.net.InetAddress, long)}).
     */
    public synchronized List<GuardStat> snapshot(String pool) {
        String key = pool == null ? RuleCounters.NO_POOL : pool;
        List<GuardStat> out = new ArrayList<>();
        for (RuleCounters rc : byRule.values()) {
            RuleCounters.PoolCounts c = rc.byPool.get(key);
            if (c == null) {
                continue;
            }
            long r = c.requests.sum();
            long k = c.connections.sum();
            long dr = r - c.reportedRequests;
            long dk = k - c.reportedConnections;
            c.reportedRequests = r;
            c.reportedConnections = k;
            if (dr != 0 || dk != 0) {
                out.add(new GuardStat(rc.ruleId, dr, dk));
            }
        }
        out.sort(Comparator.comparing(GuardStat::ruleId));
        return out;
    }

    /** Returns the cumulative refusals per rule over all pools, since start (for the admin API and tests). */
    public Map<String, GuardStat> totals() {
        Map<String, GuardStat> out = new java.util.TreeMap<>();
        for (RuleCounters rc : byRule.values()) {
            long r = 0;
            long k = 0;
            for (RuleCounters.PoolCounts c : rc.byPool.values()) {
                r += c.requests.sum();
                k += c.connections.sum();
            }
            out.put(rc.ruleId, new GuardStat(rc.ruleId, r, k));
        }
        return out;
    }
}
