package org.vmshield.brain.plan;

/**
 * Cheap number formatting for the per-action strings of a plan; {@link String#format} costs
 * kilobytes of garbage per call, and a large tick builds thousands of these strings.
 */
final class Fmt {
    private Fmt() {}

    /** Returns {@code x} rounded to a whole number. */
    static String d0(double x) {
        return Double.isFinite(x) ? Long.toString(Math.round(x)) : Double.toString(x);
    }

    /** Returns {@code x} as a percentage of 1, rounded to a whole number, with a percent sign. */
    static String pct(double fraction) {
        return d0(fraction * 100) + "%";
    }
}
