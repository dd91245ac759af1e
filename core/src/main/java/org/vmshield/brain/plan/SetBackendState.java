package org.vmshield.brain.plan;

import java.util.Objects;

/** Drains, pauses or resumes a backend in its pool. */
public record SetBackendState(String pool, String backendId, BackendMode mode, String incidentId, String reason,
        String predictedEffect) implements Action {
    public SetBackendState {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String describe() {
        return mode.name().toLowerCase(java.util.Locale.ROOT) + "-backend pool=" + pool + " backend=" + backendId;
    }
}
