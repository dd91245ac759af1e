package org.vmshield.brain.model;

import java.util.Objects;

/**
 * A change the controller made for an incident and that de-escalation may undo: a VM migrated
 * away from {@code homeHost}, or a replica {@code vm} started.
 *
 * @param incidentId the incident it was made for
 * @param kind what was changed
 * @param vm the VM moved or started
 * @param homeHost for {@link ChangeKind#MIGRATED}: the host it left; else {@code ""}
 * @param atMillis when it was made
 */
public record IncidentChange(String incidentId, ChangeKind kind, String vm, String homeHost, long atMillis) {
    public IncidentChange {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(homeHost, "homeHost");
    }
}
