package org.vmshield.brain.plan;

import java.util.ArrayList;
import java.util.List;

/** The plan and decision-log entry being built for one incident during a tick. */
final class Draft {
    private final String incidentId;
    private final String seen;
    private final List<ConsideredOption> considered = new ArrayList<>(4);
    private final List<Action> actions = new ArrayList<>(4);
    private final List<String> chosen = new ArrayList<>(2);
    private final List<String> why = new ArrayList<>(2);

    Draft(String incidentId, String seen) {
        this.incidentId = incidentId;
        this.seen = seen;
    }

    String incidentId() {
        return incidentId;
    }

    void consider(ConsideredOption option) {
        considered.add(option);
    }

    void add(Action action) {
        actions.add(action);
    }

    /** Records what was chosen and why. */
    void choose(String what, String because) {
        chosen.add(what);
        why.add(because);
    }

    /** Records why nothing (more) was done, without choosing anything. */
    void note(String because) {
        why.add(because);
    }

    boolean hasActions() {
        return !actions.isEmpty();
    }

    Plan plan() {
        return new Plan(incidentId, actions);
    }

    DecisionEntry entry() {
        return new DecisionEntry(incidentId, seen, considered, chosen.isEmpty() ? "nothing" : String.join("; ", chosen),
                why.isEmpty() ? "no option applied" : String.join("; ", why));
    }
}
