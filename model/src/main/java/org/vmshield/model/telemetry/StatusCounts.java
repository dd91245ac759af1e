package org.vmshield.model.telemetry;

/**
 * Responses by status class over one interval. {@code errors} counts requests that got no
 * response from a backend at all (connect failure, reset, timeout), whatever the client was sent.
 */
public record StatusCounts(long s1xx, long s2xx, long s3xx, long s4xx, long s5xx, long errors) {
    /** Nothing counted. */
    public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0, 0);

    /** Returns the number of requests counted. */
    public long total() {
        return s1xx + s2xx + s3xx + s4xx + s5xx + errors;
    }
}
