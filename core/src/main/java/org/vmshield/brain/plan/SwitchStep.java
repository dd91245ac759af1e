package org.vmshield.brain.plan;

/** The blue/green steps of a {@link SwitchVersion}, in order. */
public enum SwitchStep {
    START_NEW,
    CHECK_HEALTH,
    SHIFT_TRAFFIC,
    DRAIN_OLD,
    STOP_OLD
}
