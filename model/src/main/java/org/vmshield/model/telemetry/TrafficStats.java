package org.vmshield.model.telemetry;

/**
 * Request and connection figures of a pool or a backend over one interval.
 *
 * @param requestsPerSec requests completed (any status) per second
 * @param inFlight requests in flight at the end of the interval
 * @param latency backend latency (time to the end of the response) of requests completed
 * @param statuses responses by status class, as counts over the interval
 * @param connectionsOpen client connections open at the end of the interval
 * @param newConnectionsPerSec client connections accepted per second
 * @param bytesInPerSec request bytes from clients per second
 * @param bytesOutPerSec response bytes to clients per second
 */
public record TrafficStats(
        double requestsPerSec,
        long inFlight,
        LatencyMillis latency,
        StatusCounts statuses,
        long connectionsOpen,
        double newConnectionsPerSec,
        double bytesInPerSec,
        double bytesOutPerSec) {

    /** Returns stats with no traffic at all. */
    public static TrafficStats idle() {
        return new TrafficStats(0, 0, LatencyMillis.NONE, StatusCounts.NONE, 0, 0, 0, 0);
    }
}
