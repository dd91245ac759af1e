package org.vmshield.report.model;

/**
 * Records what the legitimate clients of one service saw during one second of the run.
 *
 * @param second     the second of the run this sample covers: [second, second + 1) s
 * @param requests   legitimate requests sent during that second
 * @param successes  legitimate requests that completed successfully during that second
 * @param failures   legitimate requests that failed during that second (errors, 5xx, refusals, timeouts)
 * @param p50Ms      median latency of the requests completed in that second, NaN when none completed
 * @param p99Ms      99th percentile latency of the requests completed in that second, NaN when none completed
 */
public record ServiceSecond(int second, long requests, long successes, long failures, double p50Ms, double p99Ms) {

    /** Validates the sample: counts and latencies >= 0, p50 <= p99, latency present iff something completed. */
    public ServiceSecond {
        Checks.nonNegative("second", second);
        Checks.nonNegative("requests", requests);
        Checks.nonNegative("successes", successes);
        Checks.nonNegative("failures", failures);
        Checks.nonNegativeOrNaN("p50Ms", p50Ms);
        Checks.nonNegativeOrNaN("p99Ms", p99Ms);
        if (Double.isNaN(p50Ms) != Double.isNaN(p99Ms)) {
            throw new IllegalArgumentException(String.format(
                    "second %d: p50Ms %s, p99Ms %s (expected: both NaN or both numbers)", second, p50Ms, p99Ms));
        }
        if (p50Ms > p99Ms) {
            throw new IllegalArgumentException(String.format(
                    "second %d: p50Ms %s > p99Ms %s (expected: p50Ms <= p99Ms)", second, p50Ms, p99Ms));
        }
        if (successes + failures > 0 && Double.isNaN(p50Ms)) {
            throw new IllegalArgumentException(String.format(
                    "second %d: %d requests completed but no latency (expected: p50Ms and p99Ms)",
                    second, successes + failures));
        }
    }

    /** Returns a sample of a second in which nothing completed. */
    public static ServiceSecond idle(int second, long requests) {
        return new ServiceSecond(second, requests, 0, 0, Double.NaN, Double.NaN);
    }

    /** Returns the number of requests that completed (successfully or not) in this second. */
    public long completed() {
        return successes + failures;
    }

    /** Returns whether latencies were measured in this second. */
    public boolean hasLatency() {
        return !Double.isNaN(p50Ms);
    }
}
