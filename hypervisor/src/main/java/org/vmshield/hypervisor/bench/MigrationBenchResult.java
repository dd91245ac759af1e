package org.vmshield.hypervisor.bench;

/**
 * One row of the migration benchmark.
 *
 * @param memoryMiB guest memory
 * @param workload {@code idle} or {@code dirty}
 * @param dirtyRateMiBps the guest's dirty rate measured before migrating (calc-dirty-rate)
 * @param totalMs vmshield's migration: from the start of the copy to the VM running on the target
 * @param downtimeMs vmshield's migration: pause at switchover
 * @param transferredBytes vmshield's migration: bytes sent
 * @param passes vmshield's migration: memory passes
 * @param rawTotalMs the same guest migrated by a bare QMP migrate with QEMU's defaults; -1 when it did not converge
 * @param rawDowntimeMs the bare migration's downtime; -1 when it did not converge
 * @param rawTransferredBytes the bare migration's bytes sent
 * @param nonZeroBytes the guest's non-zero memory when measured
 * @param lowerBoundMs a plain TCP transfer of nonZeroBytes over loopback
 */
public record MigrationBenchResult(
        long memoryMiB,
        String workload,
        double dirtyRateMiBps,
        long totalMs,
        long downtimeMs,
        long transferredBytes,
        long passes,
        long rawTotalMs,
        long rawDowntimeMs,
        long rawTransferredBytes,
        long nonZeroBytes,
        double lowerBoundMs) {

    /** Returns totalMs over lowerBoundMs: how far from the physical limit. */
    public double ratioToLowerBound() {
        return lowerBoundMs <= 0 ? 0 : totalMs / lowerBoundMs;
    }
}
