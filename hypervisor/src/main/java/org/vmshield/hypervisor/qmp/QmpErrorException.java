package org.vmshield.hypervisor.qmp;

/** Signals that QEMU answered a command with an {@code "error"} reply. */
public class QmpErrorException extends QmpException {
    private final String command;
    private final String errorClass;
    private final String description;

    /** Creates the exception for QEMU's error {@code errorClass}/{@code description} on {@code command}. */
    public QmpErrorException(String command, String errorClass, String description) {
        super(command + " failed: " + description + " (" + errorClass + ")");
        this.command = command;
        this.errorClass = errorClass;
        this.description = description;
    }

    /** Creates the exception without naming the command. */
    public QmpErrorException(String errorClass, String description) {
        this("QMP command", errorClass, description);
    }

    /** Returns the command QEMU refused, e.g. {@code migrate}. */
    public String command() {
        return command;
    }

    /** Returns QEMU's error class, e.g. {@code GenericError} or {@code CommandNotFound}. */
    public String errorClass() {
        return errorClass;
    }

    /** Returns QEMU's human-readable description of the error. */
    public String description() {
        return description;
    }
}
