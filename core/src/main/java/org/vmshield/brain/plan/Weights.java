package org.vmshield.brain.plan;

import org.vmshield.brain.model.Criticality;

/** The planner's unit of value: how much relieving or disturbing a VM of each criticality weighs. */
final class Weights {
    /** Points of benefit per unit of criticality weight when a VM is relieved from contention. */
    static final double RELIEF_POINTS = 10;

    private Weights() {}

    /** Returns LOW 1, NORMAL 2, CRITICAL 5. */
    static double of(Criticality c) {
        return switch (c) {
            case LOW -> 1;
            case NORMAL -> 2;
            case CRITICAL -> 5;
        };
    }
}
