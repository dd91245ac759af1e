package org.vmshield.controller.demo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one demo run does.
 *
 * @param attack the attack profile name (see the load generator's profiles)
 * @param attackRateRps the attack's rate, or empty for the profile's default
 * @param durationMillis the whole run
 * @param attackAtMillis the attack's onset, from the run's start
 * @param attackForMillis how long the attack lasts
 * @param legitRateRps legitimate requests per second per service
 * @param network {@code user} or {@code bridge}, or empty for the hypervisor's default
 * @param workDir where the journals go
 */
public record DemoOptions(String attack, Optional<Double> attackRateRps, long durationMillis, long attackAtMillis,
        long attackForMillis, double legitRateRps, Optional<String> network, Path workDir) {
    public DemoOptions {
        if (attackAtMillis < 5_000) {
            throw new IllegalArgumentException("attack onset: " + attackAtMillis + " ms (expected: >= 5000 ms, so the detectors learn normal traffic first)");
        }
        if (attackForMillis <= 0 || attackAtMillis + attackForMillis > durationMillis) {
            throw new IllegalArgumentException("attack window: " + attackAtMillis + " + " + attackForMillis
                    + " ms (expected: > 0 and ending within the duration " + durationMillis + " ms)");
        }
        if (!(legitRateRps > 0) || legitRateRps > 1000) {
            throw new IllegalArgumentException("legit rate: " + legitRateRps + " (expected: > 0 and <= 1000 req/s)");
        }
    }

    /** Returns the attack's end, from the run's start. */
    public long attackEndMillis() {
        return attackAtMillis + attackForMillis;
    }
}
