package org.vmshield.brain;

import java.util.List;
import java.util.Objects;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.plan.DecisionEntry;
import org.vmshield.brain.plan.Plan;
import org.vmshield.brain.plan.PlannerResult;

/**
 * What one brain tick produced: the detectors' incidents and the planner's plans with the
 * decision log that explains them.
 *
 * @param atMillis the tick's time
 * @param detection incidents opened, active and resolved by this tick
 * @param planning the plans and the decision log
 */
public record BrainTick(long atMillis, DetectionResult detection, PlannerResult planning) {
    public BrainTick {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(planning, "planning");
    }

    /** Returns the incidents active after this tick. */
    public List<Incident> incidents() {
        return detection.active();
    }

    /** Returns the plans, most severe incident first, de-escalation last. */
    public List<Plan> plans() {
        return planning.plans();
    }

    /** Returns the decision log. */
    public List<DecisionEntry> log() {
        return planning.log();
    }
}
