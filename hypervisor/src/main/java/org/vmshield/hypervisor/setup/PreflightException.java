package org.vmshield.hypervisor.setup;

/** Thrown when the host lacks what VMs need and it cannot be installed; the message says what to run. */
public class PreflightException extends Exception {

    /** Creates the exception with a message that says what is missing and what to run. */
    public PreflightException(String message) {
        super(message);
    }
}
