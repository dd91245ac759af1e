package org.vmshield.balancer.guard.rule;

import org.vmshield.balancer.guard.path.PathPattern;

/**
 * Caps the requests to the matching paths that may be in flight at once (for expensive endpoints).
 *
 * @param id rule id
 * @param pool pool the rule applies to, or null for all
 * @param prefix path prefix (exactly one of prefix and pattern)
 * @param pattern path glob
 * @param maxInFlight requests allowed in flight at once
 * @param refuse {@code 429} (default), {@code 403} or {@code close}
 * @param retryAfterSeconds {@code Retry-After} sent with 429 (default 1)
 * @param ttlSeconds optional time to live
 */
public record PathInFlightRule(
        String id, String pool, String prefix, String pattern, Integer maxInFlight, RefuseAction refuse,
        Integer retryAfterSeconds, Long ttlSeconds) implements GuardRule {
    public static final String TYPE = "pathInFlight";
    /** Largest cap accepted. */
    public static final int MAX = 10_000_000;

    public PathInFlightRule {
        RuleChecks.id(id);
        RuleChecks.pool(id, pool);
        PathRules.pattern(id, prefix, pattern);
        RuleChecks.positive(id, "maxInFlight", maxInFlight, MAX);
        refuse = RuleChecks.refuse(refuse, RefuseAction.STATUS_429);
        retryAfterSeconds = RuleChecks.retryAfter(id, retryAfterSeconds, 1.0);
        RuleChecks.ttlSeconds(id, ttlSeconds);
    }

    /** Returns a cap for all pools on paths starting with {@code prefix}. */
    public static PathInFlightRule prefix(String id, String prefix, int maxInFlight) {
        return new PathInFlightRule(id, null, prefix, null, maxInFlight, null, null, null);
    }

    /** Returns the compiled path matcher. */
    public PathPattern matcher() {
        return PathPattern.of(prefix, pattern);
    }

    @Override
    public PathInFlightRule withTtlSeconds(Long ttl) {
        return new PathInFlightRule(id, pool, prefix, pattern, maxInFlight, refuse, retryAfterSeconds, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
