package org.vmshield.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Classifies why a request did not succeed (a success is a response with status below 400). */
public enum FailureKind {
    /** A response with status 400-499 (for example 429 from a rate-limiting guard). */
    @JsonProperty("http4xx") HTTP_4XX,
    /** A response with status 500-599. */
    @JsonProperty("http5xx") HTTP_5XX,
    /** The TCP connection could not be opened (refused, unreachable, connect timeout, bind failure). */
    @JsonProperty("connectError") CONNECT_ERROR,
    /** No complete response before the deadline (scheduled send time + request timeout). */
    @JsonProperty("timeout") TIMEOUT,
    /** The connection was reset or closed before the response was complete. */
    @JsonProperty("reset") RESET,
    /** The response could not be parsed as HTTP/1.1. */
    @JsonProperty("protocolError") PROTOCOL_ERROR,
    /** Never sent: the generator's bound on outstanding requests was reached (counted, not dropped). */
    @JsonProperty("localLimit") LOCAL_LIMIT;

    /** Returns the failure kind of an HTTP status, or {@code null} when the status counts as a success. */
    public static FailureKind ofStatus(int status) {
        if (status >= 500) {
            return HTTP_5XX;
        }
        if (status >= 400) {
            return HTTP_4XX;
        }
        return null;
    }
}
