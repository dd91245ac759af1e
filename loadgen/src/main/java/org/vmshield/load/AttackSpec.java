package org.vmshield.load;

import org.vmshield.load.attack.AttackProfile;

/**
 * One attack within a run: what, against which service, and when.
 *
 * @param profile the attack profile and its parameters
 * @param service the name of the targeted service (a hopping profile starts there)
 * @param startMillis when the attack starts, from the start of the run, &gt;= 0
 * @param durationMillis how long it lasts, &gt; 0; it must end within the run
 */
public record AttackSpec(AttackProfile profile, String service, long startMillis, long durationMillis) {
    /** Validates the values that do not depend on the plan. */
    public AttackSpec {
        if (profile == null) {
            throw new IllegalArgumentException("attack profile: null (expected: a profile)");
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("attack service: missing (expected: the name of a target)");
        }
        if (startMillis < 0) {
            throw new IllegalArgumentException("attack startMillis: " + startMillis + " (expected: >= 0)");
        }
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("attack durationMillis: " + durationMillis + " (expected: > 0)");
        }
    }

    /** Returns the end of the attack from the start of the run. */
    public long endMillis() {
        return startMillis + durationMillis;
    }
}
