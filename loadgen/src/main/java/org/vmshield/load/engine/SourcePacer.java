package org.vmshield.load.engine;

/**
 * Keeps each source of a paced stream under its rate cap even when the stream runs late: a token
 * bucket per source (rate = cap, depth 1, a fifth of a token of slack for timer jitter). An
 * on-time paced source always has its token; a late burst does not, and its extra arrivals are
 * skipped, as an attacker staying under a per-source limit would do. In any window of T seconds a
 * source sends at most {@code 1.2 + cap * T} requests.
 */
final class SourcePacer {
    private static final double SLACK = 0.2;

    private final double capPerNano;
    private final double[] tokens;
    private final long[] lastNanos;

    SourcePacer(double capRps, int sources) {
        this.capPerNano = capRps / 1e9;
        this.tokens = new double[sources];
        this.lastNanos = new long[sources];
        java.util.Arrays.fill(tokens, 1.0);
        java.util.Arrays.fill(lastNanos, Long.MIN_VALUE);
    }

    /** Returns whether {@code source} may send at {@code nowNanos}, taking its token if so. */
    boolean tryTake(int source, long nowNanos) {
        if (lastNanos[source] != Long.MIN_VALUE) {
            tokens[source] = Math.min(1.0, tokens[source] + (nowNanos - lastNanos[source]) * capPerNano);
        }
        lastNanos[source] = nowNanos;
        if (tokens[source] < 1.0 - SLACK) {
            return false;
        }
        tokens[source] -= 1.0;
        return true;
    }
}
