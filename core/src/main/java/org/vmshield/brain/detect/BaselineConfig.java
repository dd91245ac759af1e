package org.vmshield.brain.detect;

/**
 * How baselines learn.
 *
 * @param alpha EWMA weight of a new sample (default 0.05: a memory of about 20 ticks)
 * @param warmupSamples samples before a baseline is trusted (default 10); nothing is detected on a
 *     series before
 * @param flashCrowdLearnFactor share of {@code alpha} at which a pool keeps learning during a flash
 *     crowd (default 0.1), so a lasting legitimate rise becomes the new normal within minutes;
 *     during an attack, and for the hold-down time after it, baselines do not learn at all
 */
public record BaselineConfig(double alpha, int warmupSamples, double flashCrowdLearnFactor) {
    /** The defaults: 0.05, 10, 0.1. */
    public static final BaselineConfig DEFAULTS = new BaselineConfig(0.05, 10, 0.1);

    public BaselineConfig {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha: %s (expected: 0 < alpha <= 1)".formatted(alpha));
        }
        if (warmupSamples < 1) {
            throw new IllegalArgumentException("warmupSamples: %s (expected: >= 1)".formatted(warmupSamples));
        }
        if (!(flashCrowdLearnFactor >= 0 && flashCrowdLearnFactor <= 1)) {
            throw new IllegalArgumentException(
                    "flashCrowdLearnFactor: %s (expected: 0..1)".formatted(flashCrowdLearnFactor));
        }
    }
}
