package org.vmshield.brain.model;

/** What the controller changed for an incident, beyond rules and weights, to undo later. */
public enum ChangeKind {
    /** A VM was migrated away from its home host. */
    MIGRATED,
    /** A replica was started. */
    SCALED_OUT
}
