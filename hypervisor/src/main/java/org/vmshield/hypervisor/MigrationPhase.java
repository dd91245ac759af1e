package org.vmshield.hypervisor;

/** The phase a live migration is in. */
public enum MigrationPhase {
    /** Preparing the target and the channel. */
    SETUP,
    /** Copying memory while the VM runs on the source (pre-copy). */
    PRECOPY,
    /** The VM runs on the target and pulls the rest of its memory (post-copy). */
    POSTCOPY,
    /** Done: the VM runs on the target. */
    COMPLETED,
    /** Failed: the VM runs on the source. */
    FAILED,
    /** Cancelled: the VM runs on the source. */
    CANCELLED
}
