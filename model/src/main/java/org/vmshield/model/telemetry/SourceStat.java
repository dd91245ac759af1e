package org.vmshield.model.telemetry;

/**
 * One client source address.
 *
 * @param address the source IP (v4 or v6, textual)
 * @param requestsPerSec its request rate over the interval
 * @param openConnections its connections open at the end of the interval
 * @param idleConnections of those, connections without a complete request for longer than the
 *     balancer's idle threshold (slowloris shows here)
 * @param refusedPerSec its requests and connections refused by guards per second
 */
public record SourceStat(
        String address, double requestsPerSec, long openConnections, long idleConnections, double refusedPerSec) {}
