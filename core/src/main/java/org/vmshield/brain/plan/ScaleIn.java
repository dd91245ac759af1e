package org.vmshield.brain.plan;

import java.util.Objects;

/** Drains and stops one replica of a service. */
public record ScaleIn(String service, String pool, String vm, String host, String incidentId, String reason,
        String predictedEffect) implements Action {
    public ScaleIn {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(vm, "vm");
    }

    @Override
    public String describe() {
        return "scale-in " + service + " vm=" + vm + " on " + host;
    }
}
