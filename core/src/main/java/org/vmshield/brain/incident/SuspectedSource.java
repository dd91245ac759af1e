package org.vmshield.brain.incident;

import java.util.Objects;

/**
 * A client address suspected of taking part in an attack, with what it did this tick.
 *
 * @param address source IP, textual
 * @param requestsPerSec its request rate
 * @param openConnections its open connections
 * @param idleConnections of those, idle ones (no complete request for longer than the balancer's threshold)
 * @param shareOfPool its share (0..1) of the pool's request rate, or of its open connections for
 *     connection exhaustion
 */
public record SuspectedSource(
        String address, double requestsPerSec, long openConnections, long idleConnections, double shareOfPool) {
    public SuspectedSource {
        Objects.requireNonNull(address, "address");
    }
}
