package org.vmshield.hypervisor;

/** Reports a host without room for a VM; nothing was changed. */
public class CapacityException extends HypervisorException {
    /** Creates the exception with a message that says what was asked and what is free. */
    public CapacityException(String message) {
        super(message);
    }
}
