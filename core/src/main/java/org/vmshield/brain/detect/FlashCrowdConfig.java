package org.vmshield.brain.detect;

/**
 * When a surge is a flash crowd (legitimate: scale, never block) rather than a flood. All four must hold.
 *
 * @param maxPerSourceRatio the rate per distinct source is at most this many times its normal (default 2)
 * @param minSourceGrowthRatio distinct sources, or new sources per second, are at least this many times
 *     their normal (default 2): the surge comes with more clients, not more requests per client
 * @param maxPathMixDistance the path mix (share of requests per path) is within this total-variation
 *     distance of its normal (default 0.3)
 * @param maxTopShareIncrease the share of the top sources grew by at most this much (default 0.2)
 */
public record FlashCrowdConfig(
        double maxPerSourceRatio, double minSourceGrowthRatio, double maxPathMixDistance, double maxTopShareIncrease) {
    /** The defaults. */
    public static final FlashCrowdConfig DEFAULTS = new FlashCrowdConfig(2.0, 2.0, 0.3, 0.2);

    public FlashCrowdConfig {
        Checks.atLeast("maxPerSourceRatio", maxPerSourceRatio, 1);
        Checks.atLeast("minSourceGrowthRatio", minSourceGrowthRatio, 1);
        Checks.fraction("maxPathMixDistance", maxPathMixDistance);
        Checks.fraction("maxTopShareIncrease", maxTopShareIncrease);
    }
}
