package org.vmshield.brain.detect;

/**
 * When a surge is a flash crowd (legitimate: scale, never block) rather than a flood. All of them must hold.
 *
 * @param maxPerSourceRatio the surge's own rate per source (its extra requests over its extra distinct
 *     sources) is at most this many times the normal rate per source (default 1.5): a crowd is more
 *     clients behaving like the usual ones, a flood from many bots sends more per bot
 * @param minSourceGrowthRatio distinct sources, or new sources per second, are at least this many times
 *     their normal (default 2): the surge comes with more clients, not more requests per client
 * @param maxPathMixDistance the path mix (share of requests per path) is within this total-variation
 *     distance of its normal (default 0.3)
 * @param maxTopShareIncrease the share of the top sources grew by at most this much (default 0.2)
 * @param maxConnectionsPerNewSource a surge of new connections before its requests are answered (a slow
 *     backend) is a crowd only when the new sources account for it, at most this many new connections
 *     each (default 2), and they send requests on them: a connection flood opens many per source or
 *     sends nothing
 */
public record FlashCrowdConfig(
        double maxPerSourceRatio, double minSourceGrowthRatio, double maxPathMixDistance, double maxTopShareIncrease,
        double maxConnectionsPerNewSource) {
    /** The defaults. */
    public static final FlashCrowdConfig DEFAULTS = new FlashCrowdConfig(1.5, 2.0, 0.3, 0.2, 2.0);

    public FlashCrowdConfig {
        Checks.atLeast("maxPerSourceRatio", maxPerSourceRatio, 1);
        Checks.atLeast("minSourceGrowthRatio", minSourceGrowthRatio, 1);
        Checks.fraction("maxPathMixDistance", maxPathMixDistance);
        Checks.fraction("maxTopShareIncrease", maxTopShareIncrease);
        Checks.atLeast("maxConnectionsPerNewSource", maxConnectionsPerNewSource, 1);
    }

    /** Creates a configuration with the default {@code maxConnectionsPerNewSource}. */
    public FlashCrowdConfig(
            double maxPerSourceRatio, double minSourceGrowthRatio, double maxPathMixDistance, double maxTopShareIncrease) {
        this(maxPerSourceRatio, minSourceGrowthRatio, maxPathMixDistance, maxTopShareIncrease, 2.0);
    }
}
