package org.vmshield.balancer.config;

import java.util.List;

/**
 * Passive outlier ejection of a pool's backends.
 *
 * @param consecutiveFailures 5xx answers or connect failures in a row that eject a backend, default 5
 * @param baseEjectionMillis first ejection time; the n-th ejection lasts n times this, default 5000
 * @param maxEjectionMillis cap on one ejection's time, default 300000
 * @param maxEjectedPercent share of the pool that may be ejected at once, default 50
 */
public record OutlierConfig(
        Integer consecutiveFailures, Long baseEjectionMillis, Long maxEjectionMillis, Integer maxEjectedPercent) {
    public OutlierConfig {
        consecutiveFailures = consecutiveFailures == null ? 5 : consecutiveFailures;
        baseEjectionMillis = baseEjectionMillis == null ? 5000L : baseEjectionMillis;
        maxEjectionMillis = maxEjectionMillis == null ? 300_000L : maxEjectionMillis;
        maxEjectedPercent = maxEjectedPercent == null ? 50 : maxEjectedPercent;
    }

    /** Returns the defaults. */
    public static OutlierConfig defaults() {
        return new OutlierConfig(null, null, null, null);
    }

    /** Adds a message to {@code errors} for every invalid field. */
    public void validate(String at, List<String> errors) {
        Validation.range(at + ".consecutiveFailures", consecutiveFailures, 1, 1000, errors);
        Validation.range(at + ".baseEjectionMillis", baseEjectionMillis, 1, 3_600_000, errors);
        Validation.range(at + ".maxEjectionMillis", maxEjectionMillis, baseEjectionMillis, 86_400_000, errors);
        Validation.range(at + ".maxEjectedPercent", maxEjectedPercent, 0, 100, errors);
    }
}
