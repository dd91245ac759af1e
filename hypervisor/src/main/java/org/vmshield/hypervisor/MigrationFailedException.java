package org.vmshield.hypervisor;

/** Reports a live migration that did not complete; the VM still runs on its source host. */
public class MigrationFailedException extends HypervisorException {
    private final boolean cancelled;

    /** Creates the exception; {@code cancelled} tells a requested or guard-rail cancel from a failure. */
    public MigrationFailedException(String message, boolean cancelled, Throwable cause) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    /** Returns true when the migration was cancelled (by a caller or a guard rail) rather than failed. */
    public boolean cancelled() {
        return cancelled;
    }
}
