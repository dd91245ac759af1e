package org.vmshield.balancer.guard.rule;

import org.vmshield.balancer.guard.path.PathPattern;

/**
 * Limits the request rate of the matching paths with a token bucket: all sources together, or
 * each source on its own when {@code perSource} is true.
 *
 * @param id rule id
 * @param pool pool the rule applies to, or null for all
 * @param prefix path prefix (exactly one of prefix and pattern)
 * @param pattern path glob
 * @param rateRps sustained requests per second
 * @param burst bucket size (default: one second of {@code rateRps})
 * @param perSource true: one bucket per source; false (default): one bucket for the path
 * @param refuse {@code 429} (default), {@code 403} or {@code close}
 * @param retryAfterSeconds {@code Retry-After} sent with 429 (default: time for one token, at least 1)
 * @param ttlSeconds optional time to live
 */
public record PathRateRule(
        String id, String pool, String prefix, String pattern, double rateRps, Integer burst, Boolean perSource,
        RefuseAction refuse, Integer retryAfterSeconds, Long ttlSeconds) implements GuardRule {
    public static final String TYPE = "pathRate";

    public PathRateRule {
        RuleChecks.id(id);
        RuleChecks.pool(id, pool);
        PathRules.pattern(id, prefix, pattern);
        RuleChecks.rate(id, "rateRps", rateRps);
        burst = RuleChecks.burst(id, burst, rateRps);
        perSource = perSource != null && perSource;
        refuse = RuleChecks.refuse(refuse, RefuseAction.STATUS_429);
        retryAfterSeconds = RuleChecks.retryAfter(id, retryAfterSeconds, rateRps);
        RuleChecks.ttlSeconds(id, ttlSeconds);
    }

    /** Returns a whole-path limit for all pools on paths starting with {@code prefix}. */
    public static PathRateRule prefix(String id, String prefix, double rateRps, int burst) {
        return new PathRateRule(id, null, prefix, null, rateRps, burst, false, null, null, null);
    }

    /** Returns the compiled path matcher. */
    public PathPattern matcher() {
        return PathPattern.of(prefix, pattern);
    }

    @Override
    public PathRateRule withTtlSeconds(Long ttl) {
        return new PathRateRule(id, pool, prefix, pattern, rateRps, burst, perSource, refuse, retryAfterSeconds, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
