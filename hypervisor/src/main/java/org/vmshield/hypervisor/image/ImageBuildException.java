package org.vmshield.hypervisor.image;

/** Thrown when a guest image cannot be built; the message says what failed and what to do. */
public class ImageBuildException extends Exception {

    /** Creates the exception with a message that says what failed and what to do. */
    public ImageBuildException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
