package org.vmshield.load.attack;

/**
 * A connection flood: opens {@code connections} TCP connections (at most {@code connectRateRps}
 * new ones per second), spread over {@code sources} addresses, sends nothing and holds them;
 * reopens those the server closes, within a bound of ten opens per held connection.
 *
 * @param connections connections to hold
 * @param sources distinct attack addresses
 * @param connectRateRps new connections per second
 */
public record ConnFlood(int connections, int sources, double connectRateRps) implements AttackProfile {
    /** Default: 500 connections from 50 sources, opened at 500/s. */
    public static final ConnFlood DEFAULT = new ConnFlood(500, 50, 500);

    /** Validates the parameters. */
    public ConnFlood {
        if (connections <= 0 || connections > 10_000) {
            throw new IllegalArgumentException("conn-flood connections: " + connections + " (expected: 1 to 10000)");
        }
        AttackProfile.checkSources("conn-flood", sources);
        AttackProfile.checkRate("conn-flood connect", connectRateRps);
    }

    @Override
    public String name() {
        return "conn-flood";
    }

    @Override
    public int sourcesNeeded() {
        return sources;
    }
}
