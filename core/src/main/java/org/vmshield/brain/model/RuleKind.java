package org.vmshield.brain.model;

/** What a balancer filter rule does. */
public enum RuleKind {
    /** Refuse every request and connection from a source address or CIDR. */
    BLOCK_SOURCE,
    /** Limit a source's request rate to {@code limit} per second. */
    RATE_LIMIT_SOURCE,
    /** Limit a source's open connections to {@code limit}. */
    CONNECTION_LIMIT_SOURCE,
    /** Limit a path's request rate to {@code limit} per second. */
    RATE_LIMIT_PATH,
    /**
     * Cap a path's requests in flight at once to {@code limit}: a backend never has more than that
     * many of them queued, however slow they get (a rate limit alone lets a backlog grow when each
     * request takes longer than the gap between two).
     */
    IN_FLIGHT_LIMIT_PATH
}
