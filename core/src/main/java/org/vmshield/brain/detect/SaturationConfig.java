package org.vmshield.brain.detect;

/**
 * Saturation thresholds (hypervisor side). A VM is at its cap when it uses at least
 * {@code vmAtCapFraction} of its CPU cap; its host is contended when throttled in at least
 * {@code hostThrottledFraction} of periods or busy at {@code hostBusyFraction} of its capacity.
 *
 * @param vmAtCapFraction default 0.9
 * @param hostThrottledFraction default 0.1
 * @param hostBusyFraction default 0.95
 */
public record SaturationConfig(double vmAtCapFraction, double hostThrottledFraction, double hostBusyFraction) {
    /** The defaults. */
    public static final SaturationConfig DEFAULTS = new SaturationConfig(0.9, 0.1, 0.95);

    public SaturationConfig {
        Checks.fraction("vmAtCapFraction", vmAtCapFraction);
        Checks.fraction("hostThrottledFraction", hostThrottledFraction);
        Checks.fraction("hostBusyFraction", hostBusyFraction);
    }
}
