package org.vmshield.balancer.guard.rule;

/**
 * Caps the connections each source may hold open at once. A connection over the cap is refused
 * when it opens ({@code close}, the default; with {@code 429}/{@code 403} the balancer answers the
 * first request with that status and closes).
 *
 * @param id rule id
 * @param maxConnections connections one source may hold open
 * @param refuse {@code close} (default), {@code 429} or {@code 403}
 * @param ttlSeconds optional time to live
 */
public record SourceConnectionLimitRule(String id, Integer maxConnections, RefuseAction refuse, Long ttlSeconds)
        implements GuardRule {
    public static final String TYPE = "sourceConnections";
    /** Largest cap accepted. */
    public static final int MAX = 10_000_000;

    public SourceConnectionLimitRule {
        RuleChecks.id(id);
        RuleChecks.positive(id, "maxConnections", maxConnections, MAX);
        refuse = RuleChecks.refuse(refuse, RefuseAction.CLOSE);
        RuleChecks.ttlSeconds(id, ttlSeconds);
    }

    /** Returns a rule that closes connections over {@code maxConnections}. */
    public static SourceConnectionLimitRule of(String id, int maxConnections) {
        return new SourceConnectionLimitRule(id, maxConnections, null, null);
    }

    @Override
    public SourceConnectionLimitRule withTtlSeconds(Long ttl) {
        return new SourceConnectionLimitRule(id, maxConnections, refuse, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
