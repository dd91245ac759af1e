package org.vmshield.controller.journal;

/** Signals that the journal could not be opened, read or written; the message says which and why. */
public final class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
