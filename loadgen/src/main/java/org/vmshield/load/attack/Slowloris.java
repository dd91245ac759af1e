package org.vmshield.load.attack;

/**
 * Slowloris: opens {@code connections} connections, sends a request line and a first header,
 * then one more header line every {@code headerIntervalMillis}, never the blank line that ends
 * the headers, so each connection holds a server slot that never completes a request.
 *
 * @param connections connections to hold
 * @param sources distinct attack addresses
 * @param connectRateRps new connections per second
 * @param headerIntervalMillis time between two header lines on one connection
 */
public record Slowloris(int connections, int sources, double connectRateRps, long headerIntervalMillis)
        implements AttackProfile {
    /** Default: 200 connections from 20 sources, opened at 200/s, a header line every 3 s. */
    public static final Slowloris DEFAULT = new Slowloris(200, 20, 200, 3_000);

    /** Validates the parameters. */
    public Slowloris {
        if (connections <= 0 || connections > 10_000) {
            throw new IllegalArgumentException("slowloris connections: " + connections + " (expected: 1 to 10000)");
        }
        AttackProfile.checkSources("slowloris", sources);
        AttackProfile.checkRate("slowloris connect", connectRateRps);
        if (headerIntervalMillis < 10) {
            throw new IllegalArgumentException(
                    "slowloris headerIntervalMillis: " + headerIntervalMillis + " (expected: >= 10)");
        }
    }

    @Override
    public String name() {
        return "slowloris";
    }

    @Override
    public int sourcesNeeded() {
        return sources;
    }
}
