package org.vmshield.report.model;

/**
 * Records a completed live migration.
 *
 * @param vm         the migrated VM
 * @param from       the source host
 * @param to         the destination host
 * @param startMs    when it started, in ms from the start of the run
 * @param totalMs    its total duration
 * @param downtimeMs the time the guest was paused (QEMU's reported downtime)
 */
public record Migration(String vm, String from, String to, long startMs, long totalMs, long downtimeMs) {

    /** Validates the migration: names present, times >= 0, downtime within the total. */
    public Migration {
        Checks.text("migration vm", vm);
        Checks.text("migration from", from);
        Checks.text("migration to", to);
        Checks.nonNegative("migration startMs", startMs);
        Checks.nonNegative("migration totalMs", totalMs);
        Checks.nonNegative("migration downtimeMs", downtimeMs);
        if (downtimeMs > totalMs) {
            throw new IllegalArgumentException(String.format(
                    "migration of %s: downtimeMs %d > totalMs %d (expected: downtimeMs <= totalMs)", vm, downtimeMs, totalMs));
        }
    }
}
