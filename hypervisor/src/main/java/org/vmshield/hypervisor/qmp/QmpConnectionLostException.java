package org.vmshield.hypervisor.qmp;

/**
 * Signals that the QMP socket is gone (QEMU exited, the socket broke, QEMU sent something that
 * is not QMP, or the client was closed); the message says which.
 */
public class QmpConnectionLostException extends QmpException {
    /** Creates the exception with the reason the connection is gone. */
    public QmpConnectionLostException(String message) {
        super(message);
    }

    /** Creates the exception with the reason and the I/O or parse error underneath it. */
    public QmpConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
