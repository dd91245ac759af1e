package org.vmshield.brain.incident;

import java.util.Objects;

/**
 * A request path suspected of being attacked (cost attack), with its cost now and normally.
 *
 * @param path the path, e.g. {@code /search}
 * @param requestsPerSec its request rate this tick
 * @param meanBackendMillis its mean backend time per request this tick
 * @param baselineMeanBackendMillis its learned normal mean backend time per request
 * @param backendMillisPerSec total backend time it costs per second of wall time
 */
public record SuspectedPath(
        String path, double requestsPerSec, double meanBackendMillis, double baselineMeanBackendMillis,
        double backendMillisPerSec) {
    public SuspectedPath {
        Objects.requireNonNull(path, "path");
    }
}
