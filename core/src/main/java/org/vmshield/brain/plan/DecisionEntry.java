package org.vmshield.brain.plan;

import java.util.List;
import java.util.Objects;

/**
 * Why the planner did what it did for one incident (or for housekeeping, incident {@code ""}).
 *
 * @param incidentId the incident
 * @param seen what was seen: kind, target, severity, the key numbers
 * @param considered the options weighed, in the order they were considered
 * @param chosen what was chosen ({@code "nothing"} when nothing)
 * @param why why that
 */
public record DecisionEntry(String incidentId, String seen, List<ConsideredOption> considered, String chosen,
        String why) {
    public DecisionEntry {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(why, "why");
        considered = List.copyOf(considered);
    }

    /** Returns the entry as text, one line per element (see docs/planner.md). */
    public String render() {
        StringBuilder b = new StringBuilder(256);
        b.append("incident ").append(incidentId.isEmpty() ? "-" : incidentId).append('\n');
        b.append("  seen: ").append(seen).append('\n');
        for (ConsideredOption o : considered) {
            b.append("  considered: ").append(o.render()).append('\n');
        }
        b.append("  chosen: ").append(chosen).append('\n');
        b.append("  why: ").append(why).append('\n');
        return b.toString();
    }
}
