package org.vmshield.brain.model;

/** Kinds of long-running actions the controller may have in flight. */
public enum InFlightKind {
    MIGRATION,
    VERSION_SWITCH,
    SCALE_OUT,
    SCALE_IN
}
