package org.vmshield.brain.detect;

/**
 * The learned normal of one series: exponentially weighted mean and variance, in constant memory.
 * During warm-up the weight is at least {@code 1/(n+1)}, so the first samples average plainly
 * instead of the mean being dragged from the first value for many ticks.
 *
 * <p>Mutable, not thread-safe: owned by one detector.
 */
public final class EwmaBaseline {
    private double mean;
    private double variance;
    private int samples;

    /**
     * Folds {@code x} into the baseline with weight {@code alpha} (0..1], or at least
     * {@code 1/(n+1)} while fewer than {@code warmupSamples} were seen; NaN and infinities are ignored.
     */
    public void update(double x, double alpha, int warmupSamples) {
        if (!Double.isFinite(x)) {
            return;
        }
        if (samples == 0) {
            mean = x;
            variance = 0;
        } else {
            double a = samples < warmupSamples ? Math.max(alpha, 1.0 / (samples + 1)) : alpha;
            double d = x - mean;
            double step = a * d;
            mean += step;
            variance = (1 - a) * (variance + d * step);
        }
        if (samples < Integer.MAX_VALUE) {
            samples++;
        }
    }

    /**
     * Moves the mean towards {@code x} with weight {@code alpha}, leaving the variance alone: for a
     * level that shifts (a flash crowd becoming the new normal), whose distance from the old mean is
     * no noise; learned as noise, it raised the threshold over the crowd within seconds, and over a
     * flood taken for a crowd at first. Before the first sample, as {@link #update}.
     */
    public void updateLevel(double x, double alpha, int warmupSamples) {
        if (samples < warmupSamples || !Double.isFinite(x)) {
            update(x, alpha, warmupSamples);
            return;
        }
        mean += alpha * (x - mean);
        if (samples < Integer.MAX_VALUE) {
            samples++;
        }
    }

    /** Returns the mean; 0 before the first sample. */
    public double mean() {
        return mean;
    }

    /** Returns the standard deviation. */
    public double stdDev() {
        return Math.sqrt(Math.max(0, variance));
    }

    /** Returns how many samples were folded in. */
    public int samples() {
        return samples;
    }

    /** Returns true once at least {@code warmupSamples} samples were folded in. */
    public boolean isWarm(int warmupSamples) {
        return samples >= warmupSamples;
    }

    /**
     * Returns the value above which an observation is anomalous: the largest of
     * {@code mean * minRatio}, {@code mean + zScore * stdDev} and {@code mean + minIncrease}. The
     * ratio and the absolute floor keep a series with almost no variance from alarming on noise.
     */
    public double threshold(double minRatio, double zScore, double minIncrease) {
        return Math.max(mean * minRatio, Math.max(mean + zScore * stdDev(), mean + minIncrease));
    }
}
