package org.vmshield.brain.plan;

import java.util.List;
import java.util.Objects;

/**
 * Switches a VM to another version, blue/green: start {@code newVm} running {@code toVersion} on
 * {@code host}, check its health, shift the pool's traffic to it, drain the old VM, stop it.
 */
public record SwitchVersion(String vm, String service, String pool, String fromVersion, String toVersion,
        String newVm, String host, List<SwitchStep> steps, String incidentId, String reason, String predictedEffect)
        implements Action {
    /** The steps in their order. */
    public static final List<SwitchStep> BLUE_GREEN = List.of(SwitchStep.values());

    public SwitchVersion {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(newVm, "newVm");
        Objects.requireNonNull(host, "host");
        steps = List.copyOf(steps);
        if (toVersion.equals(fromVersion)) {
            throw new IllegalArgumentException("switch %s: toVersion %s (expected: another than the running one)"
                    .formatted(vm, toVersion));
        }
    }

    @Override
    public String describe() {
        return "switch-version " + vm + " " + fromVersion + "->" + toVersion + " new=" + newVm + " on " + host
                + " steps=" + steps;
    }
}
