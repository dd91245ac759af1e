package org.vmshield.hypervisor.net;

/** Signals that a network operation failed; the message carries the command and what {@code ip} said. */
public class NetworkException extends RuntimeException {
    /** Creates the exception with a message that says what failed and why. */
    public NetworkException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the error underneath it. */
    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
