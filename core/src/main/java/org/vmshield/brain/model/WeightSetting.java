package org.vmshield.brain.model;

import java.util.Objects;

/**
 * A backend weight the controller changed, and the weight to restore when it is undone.
 *
 * @param pool pool of the backend
 * @param backendId backend (VM name)
 * @param weight weight now in force
 * @param originalWeight weight before the change
 * @param incidentId incident it was set for; empty when set by hand
 */
public record WeightSetting(String pool, String backendId, int weight, int originalWeight, String incidentId) {
    public WeightSetting {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(incidentId, "incidentId");
        if (weight < 0 || originalWeight < 0) {
            throw new IllegalArgumentException("weight: %s (expected: >= 0)".formatted(weight));
        }
    }
}
