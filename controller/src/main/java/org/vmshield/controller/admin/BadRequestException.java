package org.vmshield.controller.admin;

/** Signals a request the admin API refuses; {@code status} is the HTTP status to answer with. */
public final class BadRequestException extends RuntimeException {
    private final int status;

    public BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Returns the HTTP status: 400 bad input, 404 unknown thing, 409 conflict. */
    public int status() {
        return status;
    }
}
