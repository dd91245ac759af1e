package org.vmshield.hypervisor.host;

/** Signals that a cgroup could not be found, created, configured, read or removed; the message says which file. */
public class CgroupException extends RuntimeException {
    /** Creates the exception with a message that names the cgroup file and what was expected. */
    public CgroupException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the I/O error underneath it. */
    public CgroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
