package org.vmshield.brain.incident;

/**
 * When findings become incidents and when incidents end.
 *
 * @param openAfterTicks consecutive ticks with a finding before an incident opens (default 2:
 *     one noisy tick opens nothing, and a flood is still caught within 2 ticks)
 * @param holdDownMillis quiet time (no finding) before an incident resolves (default 30 s)
 * @param maxHoldDownMillis cap of the hold-down after repeated re-openings (default 5 min)
 * @param reopenWindowMillis an incident re-opened on the same target within this time after it
 *     resolved gets twice the previous hold-down (default 10 min): an on/off attacker with long
 *     pauses makes the incident last longer, not flap
 */
public record HysteresisConfig(int openAfterTicks, long holdDownMillis, long maxHoldDownMillis, long reopenWindowMillis) {
    /** The defaults: 2 ticks, 30 s, 5 min, 10 min. */
    public static final HysteresisConfig DEFAULTS = new HysteresisConfig(2, 30_000, 300_000, 600_000);

    public HysteresisConfig {
        if (openAfterTicks < 1) {
            throw new IllegalArgumentException("openAfterTicks: %s (expected: >= 1)".formatted(openAfterTicks));
        }
        if (holdDownMillis < 0) {
            throw new IllegalArgumentException("holdDownMillis: %s (expected: >= 0)".formatted(holdDownMillis));
        }
        if (maxHoldDownMillis < holdDownMillis) {
            throw new IllegalArgumentException(
                    "maxHoldDownMillis: %s (expected: >= holdDownMillis %s)".formatted(maxHoldDownMillis, holdDownMillis));
        }
        if (reopenWindowMillis < 0) {
            throw new IllegalArgumentException("reopenWindowMillis: %s (expected: >= 0)".formatted(reopenWindowMillis));
        }
    }
}
