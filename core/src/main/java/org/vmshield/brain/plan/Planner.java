package org.vmshield.brain.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.model.telemetry.TrafficSnapshot;

/**
 * Turns incidents into plans: for each active incident, most severe first, the options that fit
 * its kind are priced and the best feasible ones chosen; then everything done for incidents that
 * are over is undone. Pure and deterministic: no I/O, no clock, no randomness, no iteration over
 * hash order; the same incidents, cluster state and time always give the same result.
 *
 * <ul>
 *   <li>volumetric flood, connection exhaustion: filter concentrated sources, else scale out;
 *   <li>cost attack: switch to a patched version when the path is a known flaw, and rate-limit the
 *       path until the switch is done; else filter concentrated sources, else rate-limit the path;
 *   <li>saturation: migrate the attacked VM, or a critical neighbour, whichever scores better;
 *       when no migration is feasible, lower the VM's weight in its pool;
 *   <li>flash crowd: never block; scale out.
 * </ul>
 */
public final class Planner {
    // Among equally severe incidents, saturation first: its host hurts the neighbours now, and the
    // VM causing it is moved before a slower action (a version switch's boot) ties it up; the switch
    // follows once the migration is done. Cost attack first, the demo moved the critical neighbour
    // instead (its own p99 paid the migration) in the runs where both opened in the same tick.
    private static final Comparator<Incident> MOST_SEVERE_FIRST = Comparator
            .comparing(Incident::severity, Comparator.reverseOrder())
            .thenComparing(inc -> inc.kind() != IncidentKind.SATURATION)
            .thenComparingLong(Incident::startMillis)
            .thenComparing(Incident::id);

    private final PlannerConfig config;
    private final FilterChooser filter;
    private final SaturationChooser saturation;
    private final VersionSwitchChooser versionSwitch = new VersionSwitchChooser();
    private final PathLimitChooser pathLimit;
    private final ScaleChooser scale;
    private final Deescalator deescalator;

    /** Creates a planner with the given knobs. */
    public Planner(PlannerConfig config) {
        this.config = config;
        MigrationCosting costing = new MigrationCosting(config);
        this.filter = new FilterChooser(config);
        this.saturation = new SaturationChooser(costing);
        this.pathLimit = new PathLimitChooser(config);
        this.scale = new ScaleChooser(config);
        this.deescalator = new Deescalator(config, costing);
    }

    /** Returns the knobs. */
    public PlannerConfig config() {
        return config;
    }

    /**
     * Plans one tick.
     *
     * @param incidents the active incidents, plus recently resolved ones (their resolution time
     *     times the undo of VM moves and replicas); any order
     * @param cluster the cluster state
     * @param nowMillis the tick's time
     * @return the plans and the decision log
     */
    public PlannerResult plan(List<Incident> incidents, ClusterState cluster, long nowMillis) {
        return plan(incidents, cluster, TrafficSnapshot.empty(nowMillis), nowMillis);
    }

    /**
     * Plans one tick, reading the weights in force from the balancer's latest figures (needed only
     * to re-weight a saturated backend when no migration can help).
     *
     * @param incidents the active incidents, plus recently resolved ones; any order
     * @param cluster the cluster state
     * @param traffic the balancer's latest figures
     * @param nowMillis the tick's time
     * @return the plans and the decision log
     */
    public PlannerResult plan(List<Incident> incidents, ClusterState cluster, TrafficSnapshot traffic, long nowMillis) {
        TickLedger ledger = new TickLedger(cluster, config, nowMillis);
        List<Incident> active = new ArrayList<>(incidents.size());
        Set<String> activeIds = new HashSet<>();
        Map<String, Incident> known = new HashMap<>();
        for (Incident i : incidents) {
            known.put(i.id(), i);
            if (i.isActive()) {
                active.add(i);
                activeIds.add(i.id());
            }
        }
        active.sort(MOST_SEVERE_FIRST);
        List<Draft> drafts = new ArrayList<>(active.size() + 4);
        for (Incident inc : active) {
            Draft d = new Draft(inc.id(), seen(inc));
            mitigate(inc, ledger, d, traffic, nowMillis);
            drafts.add(d);
        }
        deescalator.plan(activeIds, known, ledger, nowMillis, drafts);
        List<Plan> plans = new ArrayList<>();
        List<DecisionEntry> log = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            if (d.hasActions()) {
                plans.add(d.plan());
            }
            log.add(d.entry());
        }
        return new PlannerResult(nowMillis, plans, log);
    }

    private void mitigate(Incident inc, TickLedger ledger, Draft d, TrafficSnapshot traffic, long nowMillis) {
        switch (inc.kind()) {
            case VOLUMETRIC_FLOOD, CONNECTION_EXHAUSTION -> {
                if (!filter.plan(inc, ledger, d, nowMillis)) {
                    scale.plan(inc, ledger, d, nowMillis);
                }
            }
            case COST_ATTACK -> {
                if (versionSwitch.plan(inc, ledger, d)) {
                    // a switch takes a guest's boot (seconds, tens on a busy host): bound the flaw's cost meanwhile
                    pathLimit.plan(inc, ledger, d, nowMillis, "until the switch to a patched version is done");
                } else if (!filter.plan(inc, ledger, d, nowMillis)) {
                    pathLimit.plan(inc, ledger, d, nowMillis, "no known fix and distributed sources");
                }
            }
            case SATURATION -> saturation.plan(inc, ledger, d, traffic);
            case FLASH_CROWD -> {
                filter.plan(inc, ledger, d, nowMillis); // logs why a flash crowd is never blocked
                scale.plan(inc, ledger, d, nowMillis);
            }
        }
    }

    private static String seen(Incident inc) {
        StringBuilder b = new StringBuilder(128);
        b.append(inc.kind()).append(" on ").append(inc.target().key()).append(", ").append(inc.state())
                .append(", severity ").append(inc.severity())
                .append(String.format(Locale.ROOT, ", confidence %.2f", inc.confidence()));
        if (!inc.evidence().isEmpty()) {
            var e = inc.evidence().get(0);
            b.append(String.format(Locale.ROOT, ", %s %.1f %s (baseline %.1f, threshold %.1f)", e.signal(),
                    e.observed(), e.unit(), e.baseline(), e.threshold()));
        }
        b.append(", ").append(inc.sources().size()).append(" sources ")
                .append(inc.sourceSpread().name().toLowerCase(Locale.ROOT));
        if (!inc.paths().isEmpty()) {
            b.append(", top path ").append(inc.paths().get(0).path());
        }
        if (inc.saturation().isPresent()) {
            SaturationDetail s = inc.saturation().get();
            b.append(String.format(Locale.ROOT, ", %s %.2f/%.2f cores on %s (%.2f/%.2f, throttled %.0f%%), %d hurt",
                    s.vm(), s.vmCpuUsedCores(), s.vmCpuCapCores(), s.host(), s.hostCpuUsedCores(),
                    s.hostCpuCapacityCores(), s.hostThrottledFraction() * 100, s.hurtNeighbours().size()));
        }
        return b.toString();
    }
}
