package org.vmshield.brain.detect;

/**
 * Cost attack thresholds, per path. A path is attacked when its mean backend time per request
 * exceeds the largest of {@code baseline * minRatio}, {@code baseline + zScore * stdDev} and
 * {@code baseline + minIncreaseMillis}, while its request rate stays modest (at most
 * {@code maxRateRatio} times its normal, plus {@code rateSlackPerSec}) and it costs at least
 * {@code minBackendMillisPerSec}.
 *
 * @param minRatio default 3
 * @param zScore default 6
 * @param minIncreaseMillis default 20 ms
 * @param maxRateRatio default 3: above, the rise is volume, not cost
 * @param rateSlackPerSec default 5 rps, for rarely used paths
 * @param minBackendMillisPerSec default 100 (a tenth of a core): cheaper paths cannot hurt
 * @param minShareOfBackendTime a path with no baseline of its own (first seen) is judged against the
 *     pool's typical latency and must also take this share of the pool's backend time (default 0.1: a
 *     flood of cheap requests alongside must not hide it)
 * @param suspectPerSourceFactor a source is named when its rate is at least this many times the
 *     normal per-source rate (default 3)
 */
public record CostConfig(
        double minRatio,
        double zScore,
        double minIncreaseMillis,
        double maxRateRatio,
        double rateSlackPerSec,
        double minBackendMillisPerSec,
        double minShareOfBackendTime,
        double suspectPerSourceFactor) {
    /** The defaults. */
    public static final CostConfig DEFAULTS = new CostConfig(3.0, 6.0, 20, 3.0, 5, 100, 0.1, 3.0);

    public CostConfig {
        Checks.atLeast("minRatio", minRatio, 1);
        Checks.atLeast("zScore", zScore, 0);
        Checks.atLeast("minIncreaseMillis", minIncreaseMillis, 0);
        Checks.atLeast("maxRateRatio", maxRateRatio, 1);
        Checks.atLeast("rateSlackPerSec", rateSlackPerSec, 0);
        Checks.atLeast("minBackendMillisPerSec", minBackendMillisPerSec, 0);
        Checks.fraction("minShareOfBackendTime", minShareOfBackendTime);
        Checks.atLeast("suspectPerSourceFactor", suspectPerSourceFactor, 1);
    }
}
