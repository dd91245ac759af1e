package org.vmshield.balancer.admin;

/** An admin request that gets a 4xx status with a message saying what was expected. */
final class AdminException extends RuntimeException {
    final int status;

    AdminException(int status, String message) {
        super(message);
        this.status = status;
    }
}
