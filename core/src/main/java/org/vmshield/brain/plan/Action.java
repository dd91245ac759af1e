package org.vmshield.brain.plan;

/**
 * One step the controller takes. Every action names the incident it serves (empty for
 * housekeeping), a human-readable reason and its predicted effect.
 */
public sealed interface Action
        permits AddFilterRule, RemoveFilterRule, SetWeight, SetBackendState, MigrateVm, SwitchVersion, ScaleOut,
                ScaleIn {
    /** Returns the incident the action serves, or {@code ""}. */
    String incidentId();

    /** Returns why it is taken, in one sentence. */
    String reason();

    /** Returns what it is predicted to achieve, with numbers. */
    String predictedEffect();

    /** Returns a one-line description: kind and arguments, without reason or effect. */
    String describe();
}
