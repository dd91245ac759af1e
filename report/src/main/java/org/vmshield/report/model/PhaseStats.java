package org.vmshield.report.model;

/**
 * Aggregates what the legitimate clients of one service saw during one phase.
 *
 * @param requests    legitimate requests that completed (successfully or not) in the phase
 * @param successRate successes / requests, in [0, 1]; NaN when requests is 0
 * @param p50Ms       median latency; NaN when requests is 0
 * @param p99Ms       99th percentile latency; NaN when requests is 0
 * @param estimated   true when computed from per-second samples, false when exact (from histograms)
 */
public record PhaseStats(long requests, double successRate, double p50Ms, double p99Ms, boolean estimated) {

    /** The stats of a phase with no request (or a phase that did not happen). */
    public static final PhaseStats EMPTY = new PhaseStats(0, Double.NaN, Double.NaN, Double.NaN, true);

    /** Validates the stats: a rate in [0, 1], p50 <= p99, NaN figures exactly when there is no request. */
    public PhaseStats {
        Checks.nonNegative("requests", requests);
        if (requests == 0) {
            if (!Double.isNaN(successRate) || !Double.isNaN(p50Ms) || !Double.isNaN(p99Ms)) {
                throw new IllegalArgumentException(
                        "phase stats with 0 requests: successRate, p50Ms, p99Ms (expected: NaN, no value)");
            }
        } else {
            if (!(successRate >= 0 && successRate <= 1)) {
                throw new IllegalArgumentException("successRate: " + successRate + " (expected: in [0, 1])");
            }
            Checks.nonNegative("p50Ms", p50Ms);
            Checks.nonNegative("p99Ms", p99Ms);
            if (p50Ms > p99Ms) {
                throw new IllegalArgumentException(String.format(
                        "p50Ms %s > p99Ms %s (expected: p50Ms <= p99Ms)", p50Ms, p99Ms));
            }
        }
    }

    /** Returns exact stats, as measured by a latency histogram over the whole phase. */
    public static PhaseStats exact(long requests, long successes, double p50Ms, double p99Ms) {
        if (requests == 0) {
            return new PhaseStats(0, Double.NaN, Double.NaN, Double.NaN, false);
        }
        if (successes < 0 || successes > requests) {
            throw new IllegalArgumentException(String.format(
                    "successes: %d (expected: in [0, requests %d])", successes, requests));
        }
        return new PhaseStats(requests, (double) successes / requests, p50Ms, p99Ms, false);
    }

    /** Returns whether the phase had any request. */
    public boolean isEmpty() {
        return requests == 0;
    }
}
