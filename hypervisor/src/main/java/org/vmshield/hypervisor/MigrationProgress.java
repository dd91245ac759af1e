package org.vmshield.hypervisor;

/**
 * One progress report of a live migration.
 *
 * @param vm the VM being moved
 * @param phase where the migration is
 * @param elapsedMillis time since the migration started
 * @param pass the memory pass (1 = first full copy, then one per re-copy of dirty memory)
 * @param transferredBytes bytes sent so far
 * @param remainingBytes memory still to send in this pass
 * @param totalBytes guest memory size
 * @param dirtyRateBytesPerSec how fast the guest dirties memory, as the copy sees it
 * @param expectedDowntimeMillis the pause the switchover would cost now
 * @param throttlePercent guest CPU throttling by auto-converge, 0..99
 */
public record MigrationProgress(
        String vm,
        MigrationPhase phase,
        long elapsedMillis,
        long pass,
        long transferredBytes,
        long remainingBytes,
        long totalBytes,
        long dirtyRateBytesPerSec,
        long expectedDowntimeMillis,
        int throttlePercent) {}
