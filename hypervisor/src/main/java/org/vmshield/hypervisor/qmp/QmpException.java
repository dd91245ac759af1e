package org.vmshield.hypervisor.qmp;

/** Signals that a QMP exchange with QEMU failed; subclasses say how. */
public class QmpException extends Exception {
    /** Creates an exception with a message that says what failed. */
    public QmpException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the cause underneath it. */
    public QmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
