package org.vmshield.hypervisor.qmp;

/** Signals that QEMU did not answer within the allowed time; the client stays usable. */
public class QmpTimeoutException extends QmpException {
    /** Creates the exception with a message naming the command and the timeout. */
    public QmpTimeoutException(String message) {
        super(message);
    }
}
