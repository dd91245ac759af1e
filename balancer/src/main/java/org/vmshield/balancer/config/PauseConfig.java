package org.vmshield.balancer.config;

import java.util.List;

/**
 * How requests are held while a backend is paused.
 *
 * @param maxQueued requests held per backend at most; more get 503, default 10000
 * @param deadlineMillis how long a request may be held before it is retried elsewhere or gets 503,
 *     default 5000
 */
public record PauseConfig(Integer maxQueued, Long deadlineMillis) {
    public PauseConfig {
        maxQueued = maxQueued == null ? 10_000 : maxQueued;
        deadlineMillis = deadlineMillis == null ? 5000L : deadlineMillis;
    }

    /** Returns the defaults. */
    public static PauseConfig defaults() {
        return new PauseConfig(null, null);
    }

    /** Adds a message to {@code errors} for every invalid field. */
    public void validate(String at, List<String> errors) {
        Validation.range(at + ".maxQueued", maxQueued, 0, 1_000_000, errors);
        Validation.range(at + ".deadlineMillis", deadlineMillis, 1, 600_000, errors);
    }
}
