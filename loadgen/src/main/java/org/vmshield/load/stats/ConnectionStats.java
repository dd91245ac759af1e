package org.vmshield.load.stats;

/**
 * What a connection-holding attack (conn-flood, slowloris) achieved.
 *
 * @param opened connections that were established
 * @param connectFailures connects that failed
 * @param closedByPeer established connections the server (or a guard) closed
 * @param peakHeld the most connections held open at once
 */
public record ConnectionStats(long opened, long connectFailures, long closedByPeer, long peakHeld) {
    /** Nothing held. */
    public static final ConnectionStats NONE = new ConnectionStats(0, 0, 0, 0);
}
