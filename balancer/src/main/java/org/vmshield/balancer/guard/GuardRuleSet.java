package org.vmshield.balancer.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmshield.balancer.guard.cidr.CidrBlock;
import org.vmshield.balancer.guard.cidr.CidrTable;
import org.vmshield.balancer.guard.ratelimit.SourceCountTable;
import org.vmshield.balancer.guard.ratelimit.SourceRateTable;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.GuardRule;
import org.vmshield.balancer.guard.rule.PathDenyRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.PathRateRule;
import org.vmshield.balancer.guard.rule.SourceConnectionLimitRule;
import org.vmshield.balancer.guard.rule.SourceConnectionRateRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;

/**
 * One immutable, compiled rule set: what the hot path reads through a single volatile load.
 * Runtime state (buckets, counts) of a rule that did not change is carried over from the previous
 * set, so publishing a new set never refills anybody's bucket.
 */
final class GuardRuleSet {
    /** No expiry pending. */
    static final long NEVER = Long.MAX_VALUE;
    private static final SourceRateRuntime[] NO_RATES = new SourceRateRuntime[0];
    private static final PathRuntime[] NO_PATHS = new PathRuntime[0];

    /** The rules with their expiry instants (nanoTime domain, {@link #NEVER} without TTL), in insertion order. */
    final Map<String, StoredRule> rules;
    final CidrTable cidr;
    final CidrRuntime[] cidrRules;
    final SourceRateRuntime[] connectionRates;
    final ConnectionLimitRuntime[] connectionLimits;
    final SourceRateRuntime[] anyPoolRates;
    final Map<String, SourceRateRuntime[]> ratesByPool;
    final PathRuntime[] anyPoolPaths;
    final Map<String, PathRuntime[]> pathsByPool;
    final boolean hasPerSourceRules;
    final long nextExpiryNanos;
    private final Map<String, Object> runtimes;

    /** A rule and when it expires. */
    record StoredRule(GuardRule rule, long expiresAtNanos) {}

    private GuardRuleSet(Map<String, StoredRule> rules, CidrTable cidr, CidrRuntime[] cidrRules,
            SourceRateRuntime[] connectionRates, ConnectionLimitRuntime[] connectionLimits,
            SourceRateRuntime[] anyPoolRates, Map<String, SourceRateRuntime[]> ratesByPool,
            PathRuntime[] anyPoolPaths, Map<String, PathRuntime[]> pathsByPool, long nextExpiryNanos,
            Map<String, Object> runtimes) {
        this.rules = rules;
        this.cidr = cidr;
        this.cidrRules = cidrRules;
        this.connectionRates = connectionRates;
        this.connectionLimits = connectionLimits;
        this.anyPoolRates = anyPoolRates;
        this.ratesByPool = ratesByPool;
        this.anyPoolPaths = anyPoolPaths;
        this.pathsByPool = pathsByPool;
        this.hasPerSourceRules = connectionRates.length > 0 || connectionLimits.length > 0 || anyPoolRates.length > 0
                || !ratesByPool.isEmpty();
        this.nextExpiryNanos = nextExpiryNanos;
        this.runtimes = runtimes;
    }

    /** Returns the empty set. */
    static GuardRuleSet empty() {
        return new GuardRuleSet(Map.of(), CidrTable.empty(), new CidrRuntime[0], NO_RATES,
                new ConnectionLimitRuntime[0], NO_RATES, Map.of(), NO_PATHS, Map.of(), NEVER, Map.of());
    }

    /** Returns the rate rules of {@code pool} (its own and those for all pools); allocation-free. */
    SourceRateRuntime[] ratesFor(String pool) {
        return pool == null ? anyPoolRates : ratesByPool.getOrDefault(pool, anyPoolRates);
    }

    /** Returns the path rules of {@code pool}: denies, then rate limits, then in-flight caps. */
    PathRuntime[] pathsFor(String pool) {
        return pool == null ? anyPoolPaths : pathsByPool.getOrDefault(pool, anyPoolPaths);
    }

    /**
     * Compiles {@code rules}, reusing the runtime state of unchanged rules from {@code previous}.
     */
    static GuardRuleSet compile(Map<String, StoredRule> rules, GuardRuleSet previous, GuardSettings settings,
            GuardCounters counters) {
        Map<String, Object> runtimes = new HashMap<>();
        List<CidrRuntime> cidrs = new ArrayList<>();
        List<SourceRateRuntime> connRates = new ArrayList<>();
        List<ConnectionLimitRuntime> connLimits = new ArrayList<>();
        List<SourceRateRuntime> anyRates = new ArrayList<>();
        Map<String, List<SourceRateRuntime>> poolRates = new HashMap<>();
        List<PathRuntime> anyPaths = new ArrayList<>();
        Map<String, List<PathRuntime>> poolPaths = new HashMap<>();
        long nextExpiry = NEVER;
        for (StoredRule stored : rules.values()) {
            GuardRule rule = stored.rule();
            nextExpiry = Math.min(nextExpiry, stored.expiresAtNanos());
            Object old = previous.runtimes.get(rule.id());
            Object rt = old != null && sameEffect(old, rule) ? old : create(rule, settings, counters);
            runtimes.put(rule.id(), rt);
            if (rt instanceof CidrRuntime c) {
                cidrs.add(c);
            } else if (rt instanceof ConnectionLimitRuntime l) {
                connLimits.add(l);
            } else if (rt instanceof SourceRateRuntime s && s.rule instanceof SourceConnectionRateRule) {
                connRates.add(s);
            } else if (rt instanceof SourceRateRuntime s && s.rule instanceof SourceRateRule r) {
                (r.pool() == null ? anyRates : poolRates.computeIfAbsent(r.pool(), k -> new ArrayList<>())).add(s);
            } else if (rt instanceof PathRuntime p) {
                (p.pool == null ? anyPaths : poolPaths.computeIfAbsent(p.pool, k -> new ArrayList<>())).add(p);
            }
        }
        CidrTable table = sameRuntimes(cidrs, previous.cidrRules) ? previous.cidr : buildCidr(cidrs);
        Map<String, SourceRateRuntime[]> ratesByPool = new HashMap<>();
        for (Map.Entry<String, List<SourceRateRuntime>> e : poolRates.entrySet()) {
            List<SourceRateRuntime> all = new ArrayList<>(e.getValue());
            all.addAll(anyRates);
            ratesByPool.put(e.getKey(), all.toArray(NO_RATES));
        }
        Map<String, PathRuntime[]> pathsByPool = new HashMap<>();
        for (Map.Entry<String, List<PathRuntime>> e : poolPaths.entrySet()) {
            List<PathRuntime> all = new ArrayList<>(e.getValue());
            all.addAll(anyPaths);
            pathsByPool.put(e.getKey(), ordered(all));
        }
        return new GuardRuleSet(Collections.unmodifiableMap(new LinkedHashMap<>(rules)), table,
                cidrs.toArray(new CidrRuntime[0]), connRates.toArray(NO_RATES),
                connLimits.toArray(new ConnectionLimitRuntime[0]), anyRates.toArray(NO_RATES), ratesByPool,
                ordered(anyPaths), pathsByPool, nextExpiry, runtimes);
    }

    private static PathRuntime[] ordered(List<PathRuntime> paths) {
        PathRuntime[] a = paths.toArray(NO_PATHS);
        // Stable: denies first, then rate limits, then in-flight caps (taken last, undone on a refusal).
        Arrays.sort(a, Comparator.comparingInt(p -> p.kind.ordinal()));
        return a;
    }

    private static boolean sameRuntimes(List<CidrRuntime> now, CidrRuntime[] before) {
        if (now.size() != before.length) {
            return false;
        }
        for (int i = 0; i < before.length; i++) {
            if (now.get(i) != before[i]) {
                return false;
            }
        }
        return true;
    }

    private static CidrTable buildCidr(List<CidrRuntime> cidrs) {
        List<CidrBlock> blocks = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        List<Integer> prio = new ArrayList<>();
        for (int i = 0; i < cidrs.size(); i++) {
            CidrRule r = cidrs.get(i).rule;
            for (String c : r.cidrs()) {
                blocks.add(CidrBlock.parse(c));
                values.add(i);
                prio.add(r.allows() ? 0 : 1); // the same block both allowed and denied: deny wins
            }
        }
        return CidrTable.build(blocks, values.stream().mapToInt(Integer::intValue).toArray(),
                prio.stream().mapToInt(Integer::intValue).toArray());
    }

    private static boolean sameEffect(Object runtime, GuardRule rule) {
        GuardRule old;
        if (runtime instanceof CidrRuntime c) {
            old = c.rule;
        } else if (runtime instanceof SourceRateRuntime s) {
            old = s.rule;
        } else if (runtime instanceof ConnectionLimitRuntime l) {
            old = l.rule;
        } else {
            old = ((PathRuntime) runtime).rule;
        }
        return rule.sameEffectAs(old);
    }

    private static Object create(GuardRule rule, GuardSettings s, GuardCounters counters) {
        RuleCounters rc = counters.forRule(rule.id());
        if (rule instanceof CidrRule c) {
            return new CidrRuntime(c, rc);
        } else if (rule instanceof SourceRateRule r) {
            return new SourceRateRuntime(r,
                    new SourceRateTable(s.maxTrackedSources(), r.rateRps(), r.burst(), s.hashSeed()),
                    Verdict.refuse(r.id(), r.refuse(), r.retryAfterSeconds()), rc);
        } else if (rule instanceof SourceConnectionRateRule r) {
            return new SourceRateRuntime(r,
                    new SourceRateTable(s.maxTrackedSources(), r.rateRps(), r.burst(), s.hashSeed()),
                    Verdict.refuse(r.id(), r.refuse(), (int) Math.max(1, Math.ceil(1 / r.rateRps()))), rc);
        } else if (rule instanceof SourceConnectionLimitRule l) {
            return new ConnectionLimitRuntime(l, new SourceCountTable(s.maxTrackedSources(), s.hashSeed()), rc);
        } else if (rule instanceof PathDenyRule || rule instanceof PathRateRule || rule instanceof PathInFlightRule) {
            return new PathRuntime(rule, s, rc);
        }
        throw new IllegalArgumentException("unknown rule type: " + rule.type());
    }
}
