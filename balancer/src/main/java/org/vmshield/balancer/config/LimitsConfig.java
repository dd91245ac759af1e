package org.vmshield.balancer.config;

import java.util.List;

/**
 * The always-on limits of every listener.
 *
 * @param headerTimeoutMillis time allowed to receive a complete request head, from the connection's
 *     start or the first byte of the next request (slowloris), default 10000
 * @param idleTimeoutMillis a connection with no byte read or written for this long is closed, default 60000
 * @param maxHeaderBytes max size of all request header lines, default 16384
 * @param maxUriLength max length of the request target, default 8192
 * @param maxConnections max client connections at once over all listeners, default 100000
 * @param maxConnectionsPerSource max client connections at once per source address, default 1000
 * @param connectTimeoutMillis time allowed to connect to a backend, default 2000
 */
public record LimitsConfig(
        Long headerTimeoutMillis,
        Long idleTimeoutMillis,
        Integer maxHeaderBytes,
        Integer maxUriLength,
        Integer maxConnections,
        Integer maxConnectionsPerSource,
        Long connectTimeoutMillis) {
    public LimitsConfig {
        headerTimeoutMillis = headerTimeoutMillis == null ? 10_000L : headerTimeoutMillis;
        idleTimeoutMillis = idleTimeoutMillis == null ? 60_000L : idleTimeoutMillis;
        maxHeaderBytes = maxHeaderBytes == null ? 16_384 : maxHeaderBytes;
        maxUriLength = maxUriLength == null ? 8192 : maxUriLength;
        maxConnections = maxConnections == null ? 100_000 : maxConnections;
        maxConnectionsPerSource = maxConnectionsPerSource == null ? 1000 : maxConnectionsPerSource;
        connectTimeoutMillis = connectTimeoutMillis == null ? 2000L : connectTimeoutMillis;
    }

    /** Returns the defaults. */
    public static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null, null, null, null, null);
    }

    /** Adds a message to {@code errors} for every invalid field. */
    public void validate(String at, List<String> errors) {
        Validation.range(at + ".headerTimeoutMillis", headerTimeoutMillis, 1, 3_600_000, errors);
        Validation.range(at + ".idleTimeoutMillis", idleTimeoutMillis, 1, 86_400_000, errors);
        Validation.range(at + ".maxHeaderBytes", maxHeaderBytes, 256, 1 << 20, errors);
        Validation.range(at + ".maxUriLength", maxUriLength, 16, 1 << 20, errors);
        Validation.range(at + ".maxConnections", maxConnections, 1, 10_000_000, errors);
        Validation.range(at + ".maxConnectionsPerSource", maxConnectionsPerSource, 1, 10_000_000, errors);
        Validation.range(at + ".connectTimeoutMillis", connectTimeoutMillis, 1, 600_000, errors);
    }
}
