package org.vmshield.brain.detect;

/** Validation of configuration values, with messages that say what was expected. */
final class Checks {
    private Checks() {}

    static void atLeast(String name, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("%s: %s (expected: >= %s)".formatted(name, value, min));
        }
    }

    static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("%s: %s (expected: 0..1)".formatted(name, value));
        }
    }
}
