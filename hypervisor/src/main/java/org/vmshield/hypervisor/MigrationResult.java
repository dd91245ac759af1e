package org.vmshield.hypervisor;

/**
 * The outcome of a completed live migration.
 *
 * @param vm the VM moved
 * @param sourceHost where it ran before
 * @param targetHost where it runs now
 * @param totalMillis from the start of the memory copy to the VM running on the target
 * @param wallMillis from the request to the VM running on the target, preparing the target included
 * @param downtimeMillis how long the VM was paused at switchover
 * @param transferredBytes bytes sent
 * @param passes memory passes
 * @param endpoint where its service answers now
 * @param switchedToPostCopy true when a guard rail switched the migration to post-copy
 */
public record MigrationResult(
        String vm,
        String sourceHost,
        String targetHost,
        long totalMillis,
        long wallMillis,
        long downtimeMillis,
        long transferredBytes,
        long passes,
        Endpoint endpoint,
        boolean switchedToPostCopy) {

    /** Returns one line for a person: where, how long, how much downtime, how many bytes. */
    public String summary() {
        return String.format("migrated %s %s -> %s: total %d ms (wall %d ms), downtime %d ms, %.1f MiB in %d passes%s, endpoint %s",
                vm, sourceHost, targetHost, totalMillis, wallMillis, downtimeMillis, transferredBytes / 1048576.0, passes,
                switchedToPostCopy ? " (post-copy)" : "", endpoint);
    }
}
