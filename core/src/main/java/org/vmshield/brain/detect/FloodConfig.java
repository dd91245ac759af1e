package org.vmshield.brain.detect;

/**
 * Volumetric flood thresholds. A rate is a flood when it exceeds the largest of
 * {@code baseline * minRatio}, {@code baseline + zScore * stdDev} and {@code baseline + minIncrease}.
 *
 * @param minRatio default 3: legitimate daily swings rarely triple within a tick
 * @param zScore default 6
 * @param minIncreaseRequestsPerSec floor for request rates (default 20 rps): a tiny pool going from 1
 *     to 5 rps is no flood
 * @param minIncreaseConnectionsPerSec floor for new-connection rates (default 20 per second)
 * @param concentratedMaxSources how many top sources are looked at for concentration (default 10)
 * @param concentratedShare share of the rate those sources must carry to call the flood
 *     concentrated (default 0.5)
 * @param suspectPerSourceFactor a source is suspected when its rate is at least this many times the
 *     normal per-source rate (default 5)
 * @param maxSuspectedSources most sources named per incident (default 20)
 */
public record FloodConfig(
        double minRatio,
        double zScore,
        double minIncreaseRequestsPerSec,
        double minIncreaseConnectionsPerSec,
        int concentratedMaxSources,
        double concentratedShare,
        double suspectPerSourceFactor,
        int maxSuspectedSources) {
    /** The defaults. */
    public static final FloodConfig DEFAULTS = new FloodConfig(3.0, 6.0, 20, 20, 10, 0.5, 5.0, 20);

    public FloodConfig {
        Checks.atLeast("minRatio", minRatio, 1);
        Checks.atLeast("zScore", zScore, 0);
        Checks.atLeast("minIncreaseRequestsPerSec", minIncreaseRequestsPerSec, 0);
        Checks.atLeast("minIncreaseConnectionsPerSec", minIncreaseConnectionsPerSec, 0);
        Checks.atLeast("concentratedMaxSources", concentratedMaxSources, 1);
        Checks.fraction("concentratedShare", concentratedShare);
        Checks.atLeast("suspectPerSourceFactor", suspectPerSourceFactor, 1);
        Checks.atLeast("maxSuspectedSources", maxSuspectedSources, 1);
    }
}
