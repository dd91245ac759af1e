package org.vmshield.demo.scenario;

import org.vmshield.brain.Brain;
import org.vmshield.brain.detect.CostConfig;
import org.vmshield.brain.detect.DetectionEngine;
import org.vmshield.brain.detect.DetectorConfig;
import org.vmshield.brain.plan.Planner;
import org.vmshield.brain.plan.PlannerConfig;

/**
 * The brain the demo runs: the defaults, except the cost-attack detector's absolute floors. TCG
 * guests on a shared 2-core machine answer a static page in 10 ms or, when the machine is busy for
 * a moment, in several hundred; and while the attacked VM saturates the small host, its critical
 * neighbour's {@code /} slows to 0.5-1 s. With the default floor (a path's mean backend time 20 ms
 * above its baseline) both read as cost attacks on {@code /}, and the planner rate-limits {@code /}
 * (measured: 500 ms was still crossed by the neighbour, which lost 90 % of its requests to that rule;
 * 1 s missed the attack). The crafted searches take 0.65 s to well over 1 s each on the 0.5-core
 * host, so a floor of 750 ms (and 300 ms of backend time per second) keeps them detected and most of
 * the collateral slowdown out. On real hosts with KVM the defaults apply.
 */
public final class DemoBrain {
    static final double COST_MIN_INCREASE_MILLIS = 750;
    static final double COST_MIN_BACKEND_MILLIS_PER_SEC = 300;

    private DemoBrain() {}

    /** Returns the detector configuration the demo uses. */
    public static DetectorConfig detectors() {
        CostConfig d = CostConfig.DEFAULTS;
        return DetectorConfig.DEFAULTS.withCost(new CostConfig(d.minRatio(), d.zScore(), COST_MIN_INCREASE_MILLIS,
                d.maxRateRatio(), d.rateSlackPerSec(), COST_MIN_BACKEND_MILLIS_PER_SEC, d.minShareOfBackendTime(),
                d.suspectPerSourceFactor()));
    }

    /** Returns a new brain with {@link #detectors()} and the default planner. */
    public static Brain create() {
        return new Brain(new DetectionEngine(detectors()), new Planner(PlannerConfig.DEFAULTS),
                Brain.DEFAULT_RESOLVED_MEMORY_MILLIS);
    }
}
