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
 * a moment, in several hundred, so a path must cost 100 ms more than the pool's typical request
 * (not 20) and 300 ms of backend time per second (not 100) before it can be a cost attack. The
 * crafted searches cost 0.33 s and more each, well above. (A collateral slowdown of {@code /} is no
 * longer a concern here: a pool's only path is never judged a cost attack, see CostAttackDetector.)
 * On real hosts with KVM the defaults apply.
 */
public final class DemoBrain {
    static final double COST_MIN_INCREASE_MILLIS = 100;
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
