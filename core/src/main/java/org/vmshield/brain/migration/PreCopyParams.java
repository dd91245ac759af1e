package org.vmshield.brain.migration;

/**
 * Knobs of the pre-copy model, with QEMU's and KubeVirt's defaults.
 *
 * @param downtimeLimitMillis QEMU stops the guest once the remainder fits in bandwidth x this (QEMU default 300)
 * @param completionTimeoutMillisPerGiB a migration taking longer than this per GiB of guest memory is abandoned
 *     (KubeVirt default 150 s/GiB)
 * @param maxRounds rounds simulated at most (safety bound)
 * @param autoConvergeInitialThrottle first guest CPU throttle of auto-converge (QEMU default 0.20)
 * @param autoConvergeIncrement throttle added per further round (QEMU default 0.10)
 * @param autoConvergeMaxThrottle highest throttle (QEMU default 0.99)
 * @param postCopySwitchMillis pause while a post-copy switch moves the device state
 */
public record PreCopyParams(
        long downtimeLimitMillis,
        long completionTimeoutMillisPerGiB,
        int maxRounds,
        double autoConvergeInitialThrottle,
        double autoConvergeIncrement,
        double autoConvergeMaxThrottle,
        long postCopySwitchMillis) {
    /** QEMU's and KubeVirt's defaults. */
    public static final PreCopyParams DEFAULTS = new PreCopyParams(300, 150_000, 100, 0.20, 0.10, 0.99, 20);

    public PreCopyParams {
        if (downtimeLimitMillis <= 0) {
            throw new IllegalArgumentException("downtimeLimitMillis: %s (expected: > 0)".formatted(downtimeLimitMillis));
        }
        if (completionTimeoutMillisPerGiB <= 0) {
            throw new IllegalArgumentException(
                    "completionTimeoutMillisPerGiB: %s (expected: > 0)".formatted(completionTimeoutMillisPerGiB));
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds: %s (expected: >= 1)".formatted(maxRounds));
        }
        if (!(autoConvergeInitialThrottle > 0 && autoConvergeInitialThrottle < 1)
                || !(autoConvergeIncrement > 0)
                || !(autoConvergeMaxThrottle >= autoConvergeInitialThrottle && autoConvergeMaxThrottle < 1)) {
            throw new IllegalArgumentException(
                    "auto-converge throttles: %s + %s up to %s (expected: 0 < initial <= max < 1, increment > 0)"
                            .formatted(autoConvergeInitialThrottle, autoConvergeIncrement, autoConvergeMaxThrottle));
        }
        if (postCopySwitchMillis < 0) {
            throw new IllegalArgumentException("postCopySwitchMillis: %s (expected: >= 0)".formatted(postCopySwitchMillis));
        }
    }

    /** Returns a copy with another downtime limit. */
    public PreCopyParams withDowntimeLimitMillis(long millis) {
        return new PreCopyParams(millis, completionTimeoutMillisPerGiB, maxRounds, autoConvergeInitialThrottle,
                autoConvergeIncrement, autoConvergeMaxThrottle, postCopySwitchMillis);
    }
}
