package org.vmshield.demo.scenario;

/**
 * When the attack runs inside a measured run: from a quarter to three quarters of it, so that the
 * "before" phase is long enough for the brain's baselines and the "after" phase shows recovery.
 *
 * @param durationMillis the measured run's length
 * @param onsetMillis attack start, from the run's start
 * @param endMillis attack end, from the run's start
 */
public record Timeline(long durationMillis, long onsetMillis, long endMillis) {
    /** Validates the timeline: 0 < onset < end <= duration. */
    public Timeline {
        if (!(0 < onsetMillis && onsetMillis < endMillis && endMillis <= durationMillis)) {
            throw new IllegalArgumentException("timeline: onset " + onsetMillis + ", end " + endMillis + ", duration "
                    + durationMillis + " ms (expected: 0 < onset < end <= duration)");
        }
    }

    /** Returns the demo's timeline for a run of {@code durationMillis}: the attack over its middle half. */
    public static Timeline of(long durationMillis) {
        long onset = Math.round(durationMillis * 0.25 / 1000.0) * 1000;
        long end = Math.round(durationMillis * 0.75 / 1000.0) * 1000;
        return new Timeline(durationMillis, onset, end);
    }

    /** Returns the attack's length. */
    public long attackMillis() {
        return endMillis - onsetMillis;
    }
}
