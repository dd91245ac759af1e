package org.vmshield.report.model;

import java.util.Locale;

/**
 * Names the phases a run is cut into; see {@link org.vmshield.report.phase.PhaseWindows} for the cut.
 * {@code BEFORE}, {@code ATTACK} and {@code AFTER} partition the run; {@code MITIGATED} is the tail
 * of {@code ATTACK} after the first mitigation action finished.
 */
public enum Phase {
    BEFORE, ATTACK, MITIGATED, AFTER;

    /** Returns the phase's key in report.json and in the tables: "before", "attack", ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the phase whose key is {@code key}. */
    public static Phase fromKey(String key) {
        for (Phase phase : values()) {
            if (phase.key().equals(key)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("phase: " + key + " (expected: one of before, attack, mitigated, after)");
    }
}
