package org.vmshield.brain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vmshield.brain.detect.DetectionEngine;
import org.vmshield.brain.detect.DetectorConfig;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentState;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.plan.Plan;
import org.vmshield.brain.plan.Planner;
import org.vmshield.brain.plan.PlannerConfig;
import org.vmshield.brain.plan.PlannerResult;
import org.vmshield.model.telemetry.TelemetrySnapshot;

/**
 * The brain: one tick runs the detectors over a telemetry snapshot, then plans against the
 * cluster state. The live controller and the simulator both drive it.
 *
 * <p>Pure and deterministic: no I/O, no threads, no clock (time comes in with each tick). It
 * keeps state between ticks: the detectors' baselines and incidents, and the incidents resolved
 * in the last {@code resolvedMemoryMillis} so that de-escalation can wait out its hold-down. Not
 * thread-safe: one caller.
 */
public final class Brain {
    /** How long resolved incidents are remembered for de-escalation by default: one hour. */
    public static final long DEFAULT_RESOLVED_MEMORY_MILLIS = 3_600_000;

    private final DetectionEngine engine;
    private final Planner planner;
    private final long resolvedMemoryMillis;
    private final Map<String, Incident> recentlyResolved = new LinkedHashMap<>();

    /** Creates a brain from a detection engine and a planner. */
    public Brain(DetectionEngine engine, Planner planner, long resolvedMemoryMillis) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.planner = Objects.requireNonNull(planner, "planner");
        if (resolvedMemoryMillis < planner.config().deescalationHoldDownMillis()) {
            throw new IllegalArgumentException("resolvedMemoryMillis: %s (expected: >= the de-escalation hold-down %s)"
                    .formatted(resolvedMemoryMillis, planner.config().deescalationHoldDownMillis()));
        }
        this.resolvedMemoryMillis = resolvedMemoryMillis;
    }

    /** Returns a brain with the default detector thresholds and planner knobs. */
    public static Brain withDefaults() {
        return new Brain(new DetectionEngine(DetectorConfig.DEFAULTS), new Planner(PlannerConfig.DEFAULTS),
                DEFAULT_RESOLVED_MEMORY_MILLIS);
    }

    /**
     * Runs one tick: applies the snapshot's measured host and VM use to the cluster state, detects,
     * plans, and marks every incident that got a plan as being mitigated.
     *
     * @param snapshot this tick's telemetry
     * @param cluster the cluster state (rules, weights, actions in flight as the controller knows them)
     * @param nowMillis the tick's time (controller clock or simulated time); not before the snapshot's
     * @return the incidents, plans and decision log
     */
    public BrainTick tick(TelemetrySnapshot snapshot, ClusterState cluster, long nowMillis) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(cluster, "cluster");
        if (nowMillis < snapshot.atMillis()) {
            throw new IllegalArgumentException("nowMillis: %s (expected: >= snapshot atMillis %s)"
                    .formatted(nowMillis, snapshot.atMillis()));
        }
        ClusterState measured = snapshot.hypervisor().hosts().isEmpty() && snapshot.hypervisor().vms().isEmpty()
                ? cluster : cluster.withUsage(snapshot.hypervisor());
        DetectionResult detection = engine.tick(snapshot, measured);
        for (Incident r : detection.resolved()) {
            recentlyResolved.put(r.id(), r);
        }
        for (Incident a : detection.active()) {
            recentlyResolved.remove(a.id()); // reopened: active again
        }
        for (Iterator<Incident> it = recentlyResolved.values().iterator(); it.hasNext(); ) {
            if (nowMillis - it.next().resolvedMillis() > resolvedMemoryMillis) {
                it.remove();
            }
        }
        List<Incident> incidents = new ArrayList<>(detection.active().size() + recentlyResolved.size());
        incidents.addAll(detection.active());
        incidents.addAll(recentlyResolved.values());
        PlannerResult planning = planner.plan(incidents, measured, snapshot.traffic(), nowMillis);
        for (Plan p : planning.plans()) {
            for (Incident i : detection.active()) {
                if (i.id().equals(p.incidentId()) && i.state() == IncidentState.OPEN) {
                    engine.markMitigating(i.id(), nowMillis);
                }
            }
        }
        return new BrainTick(nowMillis, detection, planning);
    }

    /** Returns the detection engine (for its tracked-series count and active incidents). */
    public DetectionEngine engine() {
        return engine;
    }
}
