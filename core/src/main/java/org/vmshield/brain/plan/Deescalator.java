package org.vmshield.brain.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmState;
import org.vmshield.brain.model.WeightSetting;

/**
 * Undoes what was done for incidents that are over. An incident is over when it is no longer
 * active (the detectors resolve it only after a quiet hold-down). Its rules are removed and its
 * weights restored at once; VMs it displaced move back and replicas it started stop once it has
 * been resolved for the planner's own hold-down, within the migration limits.
 */
final class Deescalator {
    private final PlannerConfig config;
    private final MigrationCosting costing;

    Deescalator(PlannerConfig config, MigrationCosting costing) {
        this.config = config;
        this.costing = costing;
    }

    /** Adds one draft per finished incident that has something to undo, in a deterministic order. */
    void plan(Set<String> activeIds, Map<String, Incident> known, TickLedger ledger, long nowMillis,
            List<Draft> out) {
        ClusterState cluster = ledger.cluster();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (FilterRule r : cluster.rules()) {
            if (r.incidentId().isEmpty() || activeIds.contains(r.incidentId())) {
                continue;
            }
            draft(drafts, r.incidentId(), known).add(new RemoveFilterRule(r.id(), r.pool(), r.incidentId(),
                    "incident " + r.incidentId() + " is over (" + over(known.get(r.incidentId())) + ")",
                    "pool " + r.pool() + " accepts " + r.match() + " again"));
        }
        for (WeightSetting w : cluster.weights()) {
            if (w.incidentId().isEmpty() || activeIds.contains(w.incidentId())) {
                continue;
            }
            draft(drafts, w.incidentId(), known).add(new SetWeight(w.pool(), w.backendId(), w.originalWeight(),
                    w.originalWeight(), w.incidentId(), "incident " + w.incidentId() + " is over",
                    "backend " + w.backendId() + " back to weight " + w.originalWeight() + " from " + w.weight()));
        }
        Map<String, Integer> replicasLeft = new HashMap<>();
        for (IncidentChange c : cluster.changes()) {
            if (activeIds.contains(c.incidentId()) || !quietLongEnough(known.get(c.incidentId()), nowMillis)) {
                continue;
            }
            VmState vm = cluster.vm(c.vm()).orElse(null);
            if (vm == null || ledger.isBusy(vm.name())) {
                continue;
            }
            if (c.kind() == ChangeKind.MIGRATED && config.migrateBack() && !vm.host().equals(c.homeHost())) {
                migrateBack(c, vm, ledger, draft(drafts, c.incidentId(), known));
            } else if (c.kind() == ChangeKind.SCALED_OUT && config.scaleIn()) {
                ServiceState s = cluster.service(vm.service()).orElseThrow();
                int left = replicasLeft.computeIfAbsent(s.name(), k -> cluster.vmsOf(k).size());
                if (left > s.minReplicas()) {
                    replicasLeft.put(s.name(), left - 1);
                    ledger.markBusy(vm.name());
                    draft(drafts, c.incidentId(), known).add(new ScaleIn(s.name(), s.pool(), vm.name(), vm.host(),
                            c.incidentId(), "replica started for " + c.incidentId() + ", which is over",
                            s.name() + " goes from " + left + " to " + (left - 1) + " replicas"));
                }
            }
        }
        for (Draft d : drafts.values()) {
            if (d.hasActions()) {
                d.choose("undo", "incident over: remove its rules and weights, move displaced VMs back, stop its replicas");
            }
            out.add(d);
        }
    }

    private void migrateBack(IncidentChange c, VmState vm, TickLedger ledger, Draft d) {
        String name = "migrate " + vm.name() + " back to " + c.homeHost();
        String refusal = ledger.migrationRefusal(vm);
        HostState home = ledger.cluster().host(c.homeHost()).orElse(null);
        if (refusal == null && home == null) {
            refusal = "home host " + c.homeHost() + " no longer exists";
        }
        if (refusal == null) {
            refusal = ledger.placementRefusal(home, vm, vm.cpuCapCores(), vm.memoryMiB(), true);
        }
        if (refusal != null) {
            d.consider(ConsideredOption.infeasible(name, refusal));
            return;
        }
        MigrationPrediction p = costing.predict(ledger.cluster(), vm, home.name());
        if (!p.converges()) {
            d.consider(ConsideredOption.infeasible(name, "predicted not to converge: " + p.explanation()));
            return;
        }
        double cost = costing.cost(vm, p);
        d.consider(new ConsideredOption(name, true, cost + 1, cost, "consolidates the cluster; " + p.explanation()));
        ledger.recordMigration(vm, home.name());
        d.add(new MigrateVm(vm.name(), vm.host(), home.name(), vm.migration(), costing.downtimeLimitMillis(), p, true,
                c.incidentId(), "incident " + c.incidentId() + " is over; " + vm.name() + " left " + home.name() + " for it",
                MigrationCosting.effect(p)));
    }

    private boolean quietLongEnough(Incident inc, long nowMillis) {
        if (inc == null || inc.resolvedMillis() < 0) {
            return true; // forgotten by the detectors: resolved long ago
        }
        return nowMillis - inc.resolvedMillis() >= config.deescalationHoldDownMillis();
    }

    private static String over(Incident inc) {
        return inc == null ? "no longer tracked" : String.format(Locale.ROOT, "resolved at %d, last seen %d",
                inc.resolvedMillis(), inc.lastSeenMillis());
    }

    private static Draft draft(Map<String, Draft> drafts, String incidentId, Map<String, Incident> known) {
        return drafts.computeIfAbsent(incidentId, id -> new Draft(id, "over: " + over(known.get(id))));
    }
}
