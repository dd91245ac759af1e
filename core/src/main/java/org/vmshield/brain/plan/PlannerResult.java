package org.vmshield.brain.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What one planner tick produced: the plans (one per incident that needs actions, then
 * de-escalation) and the decision log that explains them.
 */
public record PlannerResult(long atMillis, List<Plan> plans, List<DecisionEntry> log) {
    public PlannerResult {
        plans = List.copyOf(plans);
        log = List.copyOf(log);
    }

    /** Returns every action of every plan, in order. */
    public List<Action> actions() {
        List<Action> out = new ArrayList<>();
        for (Plan p : plans) {
            out.addAll(p.actions());
        }
        return out;
    }

    /** Returns the decision log as text. */
    public String renderLog() {
        StringBuilder b = new StringBuilder();
        for (DecisionEntry e : log) {
            b.append(e.render());
        }
        return b.toString();
    }
}
