package org.vmshield.brain.model;

import java.util.Objects;

/**
 * A long-running action the controller started and that has not finished.
 *
 * @param actionId id of the action
 * @param kind what it is
 * @param vm the VM it acts on
 * @param fromHost source host ({@code ""} when none)
 * @param toHost destination host ({@code ""} when none)
 * @param incidentId incident it serves; empty when none
 * @param startedMillis when it started
 */
public record InFlightAction(
        String actionId, InFlightKind kind, String vm, String fromHost, String toHost, String incidentId,
        long startedMillis) {
    public InFlightAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(toHost, "toHost");
        Objects.requireNonNull(incidentId, "incidentId");
    }
}
