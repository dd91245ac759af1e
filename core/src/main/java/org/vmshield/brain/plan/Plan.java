package org.vmshield.brain.plan;

import java.util.List;
import java.util.Objects;

/** The ordered actions for one incident ({@code ""} for housekeeping such as de-escalation). */
public record Plan(String incidentId, List<Action> actions) {
    public Plan {
        Objects.requireNonNull(incidentId, "incidentId");
        actions = List.copyOf(actions);
    }
}
