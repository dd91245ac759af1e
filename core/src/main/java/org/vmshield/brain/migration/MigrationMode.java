package org.vmshield.brain.migration;

/** How a predicted live migration finishes. */
public enum MigrationMode {
    /** Plain pre-copy converges by itself (dirty rate below bandwidth, within the timeout). */
    PRE_COPY,
    /** Pre-copy converges only because the guest CPU is throttled (QEMU auto-converge). */
    AUTO_CONVERGE,
    /** One pre-copy pass, then the VM runs on the destination and pulls the rest on demand. */
    POST_COPY,
    /** It would not finish: do not start it. */
    NOT_CONVERGING
}
