package org.vmshield.brain.model;

import java.util.Objects;

/**
 * A filter rule installed on the balancer (or planned to be).
 *
 * @param id unique rule id
 * @param kind what it does
 * @param pool the pool it guards
 * @param match source address/CIDR or path, depending on the kind
 * @param limit the rate or connection limit; 0 for a block
 * @param incidentId incident it was installed for; empty when installed by hand
 * @param expiresAtMillis when the balancer drops it by itself (its TTL)
 */
public record FilterRule(
        String id, RuleKind kind, String pool, String match, double limit, String incidentId, long expiresAtMillis) {
    public FilterRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(incidentId, "incidentId");
        if (limit < 0) {
            throw new IllegalArgumentException("rule %s limit: %s (expected: >= 0)".formatted(id, limit));
        }
    }
}
