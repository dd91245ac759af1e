package org.vmshield.controller.journal;

/** Where an action stands. Only {@link #IN_FLIGHT} actions need reconciling after a restart. */
public enum ActionStatus {
    IN_FLIGHT,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK;

    /** Returns true when the action has ended, one way or another. */
    public boolean ended() {
        return this != IN_FLIGHT;
    }
}
