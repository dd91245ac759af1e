package org.vmshield.hypervisor;

/** Reports a request that names something unknown or contradicts the current state; nothing was changed. */
public class InvalidRequestException extends HypervisorException {
    /** Creates the exception with a message that says what was expected. */
    public InvalidRequestException(String message) {
        super(message);
    }
}
