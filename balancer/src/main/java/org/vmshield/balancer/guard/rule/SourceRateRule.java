package org.vmshield.balancer.guard.rule;

/**
 * Limits each source's request rate with a token bucket: {@code burst} requests at once, then
 * {@code rateRps} per second. Scoped to one pool, or to all pools when {@code pool} is absent.
 *
 * @param id rule id
 * @param rateRps sustained requests per second per source
 * @param burst bucket size (default: one second of {@code rateRps})
 * @param pool pool the rule applies to, or null for all
 * @param refuse {@code 429} (default), {@code 403} or {@code close}
 * @param retryAfterSeconds {@code Retry-After} sent with 429 (default: time for one token, at least 1)
 * @param ttlSeconds optional time to live
 */
public record SourceRateRule(
        String id, double rateRps, Integer burst, String pool, RefuseAction refuse, Integer retryAfterSeconds,
        Long ttlSeconds) implements GuardRule {
    public static final String TYPE = "sourceRate";

    public SourceRateRule {
        RuleChecks.id(id);
        RuleChecks.rate(id, "rateRps", rateRps);
        burst = RuleChecks.burst(id, burst, rateRps);
        RuleChecks.pool(id, pool);
        refuse = RuleChecks.refuse(refuse, RefuseAction.STATUS_429);
        retryAfterSeconds = RuleChecks.retryAfter(id, retryAfterSeconds, rateRps);
        RuleChecks.ttlSeconds(id, ttlSeconds);
    }

    /** Returns a rule for all pools that answers 429. */
    public static SourceRateRule of(String id, double rateRps, int burst) {
        return new SourceRateRule(id, rateRps, burst, null, null, null, null);
    }

    @Override
    public SourceRateRule withTtlSeconds(Long ttl) {
        return new SourceRateRule(id, rateRps, burst, pool, refuse, retryAfterSeconds, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
