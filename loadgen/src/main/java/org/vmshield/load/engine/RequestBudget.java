package org.vmshield.load.engine;

/** Bounds the requests a run may schedule in all; a safety stop that holds whatever the rates. */
final class RequestBudget {
    private long left;
    private boolean exhausted;

    RequestBudget(long maxRequests) {
        this.left = maxRequests;
    }

    /** Takes one request from the budget; returns false once it is spent. */
    boolean take() {
        if (left <= 0) {
            exhausted = true;
            return false;
        }
        left--;
        return true;
    }

    /** Returns whether a stream was stopped by the budget. */
    boolean exhausted() {
        return exhausted;
    }
}
