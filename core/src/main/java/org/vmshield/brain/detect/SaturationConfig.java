package org.vmshield.brain.detect;

/**
 * Saturation thresholds (hypervisor side). A VM saturates its host when the host is contended
 * (throttled in at least {@code hostThrottledFraction} of periods or busy at
 * {@code hostBusyFraction} of its capacity) and the VM either uses at least
 * {@code vmAtCapFraction} of its CPU cap, or dominates it: sharing the host, it takes at least
 * {@code dominantShareOfHost} of what the host uses and more than an even split of its capacity,
 * at least {@code surgeRatio} times its own normal use, for {@code dominantTicks} ticks in a row.
 * The second case is the paper's: two VMs under one quota, the attacked one eating most of it, so
 * that it never reaches its own cap because its neighbour still gets a little. The surge and the
 * run of ticks keep a neighbour's short burst on a busy host from reading as an attack.
 *
 * @param vmAtCapFraction default 0.9
 * @param hostThrottledFraction default 0.1
 * @param hostBusyFraction default 0.95
 * @param dominantShareOfHost default 0.6
 * @param surgeRatio default 1.25: a dominant VM uses clearly more than its learned normal (2 missed the
 *     attacked VM in CI, where a slower machine raised its normal use so that twice it no longer fit
 *     next to its neighbour)
 * @param dominantTicks default 2: consecutive ticks of dominance before it is a finding
 */
public record SaturationConfig(double vmAtCapFraction, double hostThrottledFraction, double hostBusyFraction,
        double dominantShareOfHost, double surgeRatio, int dominantTicks) {
    /** The defaults. */
    public static final SaturationConfig DEFAULTS = new SaturationConfig(0.9, 0.1, 0.95, 0.6, 1.25, 2);

    public SaturationConfig {
        Checks.fraction("vmAtCapFraction", vmAtCapFraction);
        Checks.fraction("hostThrottledFraction", hostThrottledFraction);
        Checks.fraction("hostBusyFraction", hostBusyFraction);
        Checks.fraction("dominantShareOfHost", dominantShareOfHost);
        if (dominantShareOfHost <= 0.5) {
            // at most one VM can take more than half: the culprit is never ambiguous
            throw new IllegalArgumentException(
                    "dominantShareOfHost: %s (expected: > 0.5)".formatted(dominantShareOfHost));
        }
        Checks.atLeast("surgeRatio", surgeRatio, 1);
        if (dominantTicks < 1) {
            throw new IllegalArgumentException("dominantTicks: %s (expected: >= 1)".formatted(dominantTicks));
        }
    }

    /** Returns true when a host throttled in {@code throttledFraction} of its periods, using {@code usedCores} of {@code capacityCores}, is contended. */
    public boolean isHostContended(double throttledFraction, double usedCores, double capacityCores) {
        return throttledFraction >= hostThrottledFraction
                || (capacityCores > 0 && usedCores >= hostBusyFraction * capacityCores);
    }
}
