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
    RATE_LIMIT_PATH
}
