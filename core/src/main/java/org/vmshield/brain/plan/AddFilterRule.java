package org.vmshield.brain.plan;

import java.util.Objects;
import org.vmshield.brain.model.FilterRule;

/** Installs a filter rule on the balancer; the rule carries its own TTL ({@code expiresAtMillis}). */
public record AddFilterRule(FilterRule rule, String reason, String predictedEffect) implements Action {
    public AddFilterRule {
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String incidentId() {
        return rule.incidentId();
    }

    @Override
    public String describe() {
        return "add-rule " + rule.id() + " " + rule.kind() + " pool=" + rule.pool() + " match=" + rule.match()
                + (rule.limit() > 0 ? " limit=" + rule.limit() : "") + " expiresAt=" + rule.expiresAtMillis();
    }
}
