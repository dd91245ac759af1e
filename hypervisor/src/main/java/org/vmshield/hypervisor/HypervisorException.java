package org.vmshield.hypervisor;

/** Reports that the hypervisor could not do what it was asked. */
public class HypervisorException extends RuntimeException {
    /** Creates the exception with a message that says what failed. */
    public HypervisorException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public HypervisorException(String message, Throwable cause) {
        super(message, cause);
    }
}
