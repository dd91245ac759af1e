package org.vmshield.controller.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.GuardRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.PathRateRule;
import org.vmshield.balancer.guard.rule.RefuseAction;
import org.vmshield.balancer.guard.rule.SourceConnectionLimitRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;
import org.vmshield.brain.model.FilterRule;

/**
 * Translates the brain's filter rules into the balancer's guard rules.
 *
 * <p>The balancer's source rate and connection limits apply to every source of their scope (a
 * pool, or all), not to one address: a {@code RATE_LIMIT_SOURCE} rule for one address becomes a
 * per-source rate limit on its pool, which legitimate sources below the limit never meet. A block
 * is an exact CIDR deny; a path limit is a whole-path token bucket on exactly that path of the pool.
 */
public final class RuleMapper {
    /** Prefix of every balancer rule id the controller owns. */
    public static final String PREFIX = "vs-";
    private static final int MAX_ID = 100;

    private RuleMapper() {}

    /**
     * Returns the balancer rule id for a brain rule id: the id with characters the balancer does not
     * accept replaced, shortened with a hash when too long. Deterministic, so re-applying after a
     * restart finds the same rule.
     */
    public static String balancerId(String brainId) {
        String clean = PREFIX + brainId.replaceAll("[^A-Za-z0-9._:@/-]", "_");
        if (clean.length() <= MAX_ID) {
            return clean;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(brainId.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(h, 0, 8);
            return clean.substring(0, MAX_ID - hash.length() - 1) + "-" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the guard rule enforcing {@code rule} with the TTL left at {@code nowMillis} (at least
     * one second).
     *
     * @throws IllegalArgumentException a rule the balancer cannot express (the message says why)
     */
    public static GuardRule toGuard(FilterRule rule, long nowMillis) {
        String id = balancerId(rule.id());
        long ttl = Math.max(1, (rule.expiresAtMillis() - nowMillis + 999) / 1000);
        return switch (rule.kind()) {
            case BLOCK_SOURCE -> new CidrRule(id, "deny", List.of(rule.match()), RefuseAction.CLOSE, ttl);
            case RATE_LIMIT_SOURCE -> new SourceRateRule(id, positive(rule), null, rule.pool(), null, null, ttl);
            case CONNECTION_LIMIT_SOURCE -> new SourceConnectionLimitRule(id, (int) Math.max(1, Math.round(rule.limit())),
                    null, ttl);
            // The brain's path is exact (no query): a glob without wildcards matches exactly it, where a
            // prefix "/" would match every path of the pool.
            case RATE_LIMIT_PATH -> new PathRateRule(id, rule.pool(), null, rule.match(), positive(rule), null, false,
                    null, null, ttl);
            case IN_FLIGHT_LIMIT_PATH -> new PathInFlightRule(id, rule.pool(), null, rule.match(),
                    (int) Math.max(1, Math.round(positive(rule))), null, null, ttl);
        };
    }

    private static double positive(FilterRule rule) {
        if (!(rule.limit() > 0)) {
            throw new IllegalArgumentException("rule " + rule.id() + " limit: " + rule.limit() + " (expected: > 0 for "
                    + rule.kind() + ")");
        }
        return rule.limit();
    }
}
