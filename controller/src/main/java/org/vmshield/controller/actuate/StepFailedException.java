package org.vmshield.controller.actuate;

/** Signals that an actuator step failed or ran out of time; the message names the step and why. */
public final class StepFailedException extends RuntimeException {
    public StepFailedException(String message) {
        super(message);
    }

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
