package org.vmshield.balancer.guard;

import org.vmshield.balancer.guard.rule.RefuseAction;

/**
 * The guard chain's answer: {@link #ALLOW}, or a refusal naming the rule and what to do. Refusals
 * are created once per rule when a rule set is compiled, so refusing allocates nothing.
 *
 * @param allowed true when the request or connection may proceed
 * @param ruleId the refusing rule's id (null when allowed)
 * @param action what to do with a refusal (null when allowed)
 * @param retryAfterSeconds the {@code Retry-After} value for {@link RefuseAction#STATUS_429}
 */
public record Verdict(boolean allowed, String ruleId, RefuseAction action, int retryAfterSeconds) {
    /** Let it through. */
    public static final Verdict ALLOW = new Verdict(true, null, null, 0);

    public Verdict {
        if (!allowed && (ruleId == null || action == null)) {
            throw new IllegalArgumentException("a refusal needs a ruleId and an action");
        }
    }

    /** Returns a refusal by {@code ruleId}. */
    public static Verdict refuse(String ruleId, RefuseAction action, int retryAfterSeconds) {
        return new Verdict(false, ruleId, action, retryAfterSeconds);
    }

    /** Returns true for a refusal. */
    public boolean refused() {
        return !allowed;
    }

    /** Returns the HTTP status to answer with, or 0 when the connection is to be closed (or allowed). */
    public int httpStatus() {
        if (allowed) {
            return 0;
        }
        return switch (action) {
            case STATUS_429 -> 429;
            case STATUS_403 -> 403;
            case CLOSE -> 0;
        };
    }
}
