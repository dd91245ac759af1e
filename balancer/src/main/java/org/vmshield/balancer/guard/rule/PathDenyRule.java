package org.vmshield.balancer.guard.rule;

import org.vmshield.balancer.guard.path.PathPattern;

/**
 * Refuses every request to the matching paths.
 *
 * @param id rule id
 * @param pool pool the rule applies to, or null for all
 * @param prefix path prefix, e.g. {@code /admin/} (exactly one of prefix and pattern)
 * @param pattern path glob, e.g. {@code /search/*}
 * @param refuse {@code 403} (default), {@code 429} or {@code close}
 * @param ttlSeconds optional time to live
 */
public record PathDenyRule(String id, String pool, String prefix, String pattern, RefuseAction refuse, Long ttlSeconds)
        implements GuardRule {
    public static final String TYPE = "pathDeny";

    public PathDenyRule {
        RuleChecks.id(id);
        RuleChecks.pool(id, pool);
        PathRules.pattern(id, prefix, pattern);
        refuse = RuleChecks.refuse(refuse, RefuseAction.STATUS_403);
        RuleChecks.ttlSeconds(id, ttlSeconds);
    }

    /** Returns a rule for all pools that answers 403 to paths starting with {@code prefix}. */
    public static PathDenyRule prefix(String id, String prefix) {
        return new PathDenyRule(id, null, prefix, null, null, null);
    }

    /** Returns the compiled path matcher. */
    public PathPattern matcher() {
        return PathPattern.of(prefix, pattern);
    }

    @Override
    public PathDenyRule withTtlSeconds(Long ttl) {
        return new PathDenyRule(id, pool, prefix, pattern, refuse, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
