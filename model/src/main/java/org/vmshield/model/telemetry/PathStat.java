package org.vmshield.model.telemetry;

/**
 * One request path (without the query) in a pool over one interval.
 *
 * @param path the path, e.g. {@code /search}
 * @param requestsPerSec requests admitted to it per second
 * @param backendMillisPerSec backend time spent on it in the interval per second of wall time, the
 *     time of requests still at a backend included (so a slow request counts while it runs)
 * @param meanBackendMillis mean backend time per request by Little's law: the backend time spent on
 *     it over the requests admitted to it (0 when none was admitted in the interval)
 */
public record PathStat(String path, double requestsPerSec, double backendMillisPerSec, double meanBackendMillis) {}
