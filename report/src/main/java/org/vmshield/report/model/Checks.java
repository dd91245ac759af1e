package org.vmshield.report.model;

/** Validates record components with messages that say what was expected. */
final class Checks {
    private Checks() {
    }

    static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format("%s: %d (expected: >= 0)", name, value));
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format("%s: %s (expected: a finite number >= 0)", name, value));
        }
        return value;
    }

    /** Accepts NaN (meaning: no value) or a finite number >= 0. */
    static double nonNegativeOrNaN(String name, double value) {
        if (Double.isNaN(value)) {
            return value;
        }
        return nonNegative(name, value);
    }

    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": " + (value == null ? "missing" : "blank") + " (expected: a non-empty text)");
        }
        return value;
    }
}
