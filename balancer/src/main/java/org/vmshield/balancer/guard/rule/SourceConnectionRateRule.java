package org.vmshield.balancer.guard.rule;

/**
 * Limits the rate at which each source opens new connections, with a token bucket.
 *
 * @param id rule id
 * @param rateRps sustained new connections per second per source
 * @param burst bucket size (default: one second of {@code rateRps})
 * @param refuse {@code close} (default), {@code 429} or {@code 403}
 * @param ttlSeconds optional time to live
 */
public record SourceConnectionRateRule(String id, double rateRps, Integer burst, RefuseAction refuse, Long ttlSeconds)
        implements GuardRule {
    public static final String TYPE = "sourceConnectionRate";

    public SourceConnectionRateRule {
        RuleChecks.id(id);
        RuleChecks.rate(id, "rateRps", rateRps);
        burst = RuleChecks.burst(id, burst, rateRps);
        refuse = RuleChecks.refuse(refuse, RefuseAction.CLOSE);
        RuleChecks.ttlSeconds(id, ttlSeconds);
    }

    /** Returns a rule that closes connections over the rate. */
    public static SourceConnectionRateRule of(String id, double rateRps, int burst) {
        return new SourceConnectionRateRule(id, rateRps, burst, null, null);
    }

    @Override
    public SourceConnectionRateRule withTtlSeconds(Long ttl) {
        return new SourceConnectionRateRule(id, rateRps, burst, refuse, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
