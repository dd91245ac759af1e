package org.vmshield.brain.plan;

import java.util.Objects;

/** Removes a filter rule that is in force. */
public record RemoveFilterRule(String ruleId, String pool, String incidentId, String reason, String predictedEffect)
        implements Action {
    public RemoveFilterRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String describe() {
        return "remove-rule " + ruleId + " pool=" + pool;
    }
}
