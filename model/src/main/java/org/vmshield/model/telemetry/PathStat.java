package org.vmshield.model.telemetry;

/**
 * One request path (without the query) in a pool over one interval.
 *
 * @param path the path, e.g. {@code /search}
 * @param requestsPerSec requests per second to it
 * @param backendMillisPerSec total backend time spent on it per second of wall time
 * @param meanBackendMillis mean backend time per request
 */
public record PathStat(String path, double requestsPerSec, double backendMillisPerSec, double meanBackendMillis) {}
