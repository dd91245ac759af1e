package org.vmshield.brain.model;

import java.util.Map;

/**
 * Migration bandwidth between hosts: a default and per-pair overrides keyed {@code "from->to"}.
 *
 * @param defaultMiBPerSec bandwidth between any two hosts without an override
 * @param overridesMiBPerSec per directed pair of hosts
 */
public record MigrationBandwidth(double defaultMiBPerSec, Map<String, Double> overridesMiBPerSec) {
    public MigrationBandwidth {
        if (!(defaultMiBPerSec > 0)) {
            throw new IllegalArgumentException("defaultMiBPerSec: %s (expected: > 0)".formatted(defaultMiBPerSec));
        }
        overridesMiBPerSec = Map.copyOf(overridesMiBPerSec);
        for (Map.Entry<String, Double> e : overridesMiBPerSec.entrySet()) {
            if (!(e.getValue() > 0)) {
                throw new IllegalArgumentException("bandwidth %s: %s (expected: > 0)".formatted(e.getKey(), e.getValue()));
            }
        }
    }

    /** Returns a uniform bandwidth. */
    public static MigrationBandwidth uniform(double miBPerSec) {
        return new MigrationBandwidth(miBPerSec, Map.of());
    }

    /** Returns the bandwidth from one host to another. */
    public double between(String from, String to) {
        if (overridesMiBPerSec.isEmpty()) {
            return defaultMiBPerSec;
        }
        Double v = overridesMiBPerSec.get(from + "->" + to);
        return v != null ? v : defaultMiBPerSec;
    }
}
