package org.vmshield.brain.model;

/**
 * What a live migration of one VM may use when pre-copy alone would not converge.
 *
 * @param allowAutoConverge the guest's CPU may be throttled until its dirty rate falls below the bandwidth
 * @param allowPostCopy the VM may switch to post-copy (run on the destination, fetch pages on demand)
 */
public record MigrationOptions(boolean allowAutoConverge, boolean allowPostCopy) {
    /** Pre-copy only. */
    public static final MigrationOptions PRE_COPY_ONLY = new MigrationOptions(false, false);

    /** Returns true when some way exists to finish a migration whose pre-copy does not converge. */
    public boolean canForceConvergence() {
        return allowAutoConverge || allowPostCopy;
    }
}
