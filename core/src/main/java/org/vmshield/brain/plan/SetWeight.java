package org.vmshield.brain.plan;

import java.util.Objects;

/**
 * Sets a backend's weight in its pool; {@code originalWeight} is what de-escalation restores.
 */
public record SetWeight(String pool, String backendId, int weight, int originalWeight, String incidentId,
        String reason, String predictedEffect) implements Action {
    public SetWeight {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(backendId, "backendId");
        if (weight < 0) {
            throw new IllegalArgumentException("weight: %s (expected: >= 0)".formatted(weight));
        }
    }

    @Override
    public String describe() {
        return "set-weight pool=" + pool + " backend=" + backendId + " weight=" + weight + " (was " + originalWeight + ")";
    }
}
