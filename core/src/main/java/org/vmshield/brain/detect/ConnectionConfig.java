package org.vmshield.brain.detect;

/**
 * Connection exhaustion (slowloris) thresholds, per pool. Suspects are the sources holding at least
 * {@code minIdlePerSource} idle connections (at most {@code maxSources} of them: "few"). Exhaustion
 * when they hold at least {@code minIdleConnections} idle connections in all, at least
 * {@code minShareOfOpen} of the pool's open connections, and (once the baseline is warm) the pool's
 * open connections are at least {@code minOpenRatio} times normal.
 *
 * @param minIdleConnections default 64
 * @param minIdlePerSource default 8 (a browser opens about 6)
 * @param minShareOfOpen default 0.3
 * @param maxSources default 10
 * @param minOpenRatio default 2
 */
public record ConnectionConfig(
        long minIdleConnections, long minIdlePerSource, double minShareOfOpen, int maxSources, double minOpenRatio) {
    /** The defaults. */
    public static final ConnectionConfig DEFAULTS = new ConnectionConfig(64, 8, 0.3, 10, 2.0);

    public ConnectionConfig {
        Checks.atLeast("minIdleConnections", minIdleConnections, 1);
        Checks.atLeast("minIdlePerSource", minIdlePerSource, 1);
        Checks.fraction("minShareOfOpen", minShareOfOpen);
        Checks.atLeast("maxSources", maxSources, 1);
        Checks.atLeast("minOpenRatio", minOpenRatio, 1);
    }
}
