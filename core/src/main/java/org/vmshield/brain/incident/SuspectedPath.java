package org.vmshield.brain.incident;

import java.util.Objects;

/**
 * A request path suspected of being attacked (cost attack), with its cost now and normally.
 *
 * @param path the path, e.g. {@code /search}
 * @param requestsPerSec its request rate this tick
 * @param meanBackendMillis its mean backend time per request this tick
 * @param baselineMeanBackendMillis its learned normal mean backend time per request (a path without
 *     a normal of its own: the pool's typical request)
 * @param backendMillisPerSec total backend time it costs per second of wall time
 * @param baselineRequestsPerSec its learned normal request rate; 0 when it had no normal traffic of
 *     its own (a path first seen, or still warming up, during the attack); NaN when unknown
 */
public record SuspectedPath(
        String path, double requestsPerSec, double meanBackendMillis, double baselineMeanBackendMillis,
        double backendMillisPerSec, double baselineRequestsPerSec) {
    public SuspectedPath {
        Objects.requireNonNull(path, "path");
    }

    /** Creates a suspected path whose normal request rate is unknown. */
    public SuspectedPath(
            String path, double requestsPerSec, double meanBackendMillis, double baselineMeanBackendMillis,
            double backendMillisPerSec) {
        this(path, requestsPerSec, meanBackendMillis, baselineMeanBackendMillis, backendMillisPerSec, Double.NaN);
    }

    /** Returns true when the path had no normal traffic of its own before the attack. */
    public boolean hadNoNormalTraffic() {
        return baselineRequestsPerSec == 0;
    }
}
