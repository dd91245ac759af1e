package org.vmshield.brain.plan;

import java.util.Locale;

/**
 * One option the planner weighed for an incident.
 *
 * @param name short name, e.g. {@code migrate vm-a small->big}
 * @param feasible false when a limit, capacity or convergence ruled it out
 * @param benefit predicted benefit (higher is better; same unit as cost)
 * @param cost predicted cost
 * @param note why it is (in)feasible, with numbers
 */
public record ConsideredOption(String name, boolean feasible, double benefit, double cost, String note) {
    /** Returns an option ruled out. */
    public static ConsideredOption infeasible(String name, String why) {
        return new ConsideredOption(name, false, 0, Double.POSITIVE_INFINITY, why);
    }

    /** Returns benefit minus cost. */
    public double score() {
        return benefit - cost;
    }

    /** Returns one line for the decision log. */
    public String render() {
        return feasible
                ? String.format(Locale.ROOT, "%s: benefit %.1f cost %.1f score %.1f (%s)", name, benefit, cost, score(), note)
                : name + ": ruled out (" + note + ")";
    }
}
