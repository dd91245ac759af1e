package org.vmshield.brain.incident;

import java.util.Objects;

/**
 * One number behind an incident: what was observed, against what baseline and threshold.
 *
 * @param signal what was measured, e.g. {@code pool.requestsPerSec} or {@code path./search.meanBackendMillis}
 * @param observed the value this tick
 * @param baseline the learned normal value (EWMA mean); NaN when the signal has no baseline
 * @param baselineStdDev the learned spread (EWMA standard deviation); NaN when none
 * @param threshold the value above which the signal counts as bad (below which, for inverted signals)
 * @param unit unit of the three values, e.g. {@code rps}, {@code ms}, {@code cores}, {@code fraction}
 */
public record Evidence(
        String signal, double observed, double baseline, double baselineStdDev, double threshold, String unit) {
    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(unit, "unit");
    }

    /** Returns evidence for a signal with a fixed threshold and no learned baseline. */
    public static Evidence fixed(String signal, double observed, double threshold, String unit) {
        return new Evidence(signal, observed, Double.NaN, Double.NaN, threshold, unit);
    }

    /** Returns observed divided by baseline, or NaN without a positive baseline. */
    public double ratioToBaseline() {
        return baseline > 0 ? observed / baseline : Double.NaN;
    }
}
