package org.vmshield.brain.incident;

/** How bad an incident is, in four steps; ordered, so {@code compareTo} ranks them. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /**
     * Returns the severity of a signal that is {@code ratio} times its threshold (1 = just over):
     * below 1.5 LOW, below 3 MEDIUM, below 10 HIGH, else CRITICAL.
     */
    public static Severity ofThresholdRatio(double ratio) {
        if (!(ratio >= 1.5)) {
            return LOW;
        }
        if (ratio < 3) {
            return MEDIUM;
        }
        return ratio < 10 ? HIGH : CRITICAL;
    }

    /** Returns the more severe of this and {@code other}. */
    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
