package org.vmshield.brain.migration;

/**
 * What the pre-copy model predicts for one live migration.
 *
 * @param mode how it finishes, or {@link MigrationMode#NOT_CONVERGING}
 * @param rounds pre-copy rounds including the first full pass, excluding the final stop-and-copy
 * @param totalSentMiB memory sent in all, stop-and-copy (or post-copy pulls) included
 * @param totalMillis wall time from start to finish
 * @param downtimeMillis time the guest is paused
 * @param maxThrottle highest guest CPU throttle used (0 unless auto-converge)
 * @param explanation one line with the numbers, for the decision log
 */
public record MigrationPrediction(
        MigrationMode mode,
        int rounds,
        double totalSentMiB,
        double totalMillis,
        double downtimeMillis,
        double maxThrottle,
        String explanation) {
    /** Returns true when the migration would finish. */
    public boolean converges() {
        return mode != MigrationMode.NOT_CONVERGING;
    }
}
