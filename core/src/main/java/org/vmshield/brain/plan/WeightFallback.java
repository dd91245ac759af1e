package org.vmshield.brain.plan;

import java.util.List;
import java.util.Locale;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmState;
import org.vmshield.brain.model.WeightSetting;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.TrafficSnapshot;

/**
 * When no migration can relieve a saturation (none converges, limits or budget spent, no host
 * has room), shifts the pool's traffic away from the saturated VM: its weight drops to a quarter
 * while at least one other backend of the pool is active and healthy. Its CPU use falls with its
 * share of requests, and so does the pressure on its neighbours.
 *
 * <p>benefit = 10 × Σ weight(hurt neighbours) × 0.5; cost = 10 × weight(vm) × 0.25 (its clients
 * are served by the other replicas). The weight in force comes from the balancer's telemetry.
 */
final class WeightFallback {

    void plan(Incident inc, SaturationDetail s, VmState vm, ServiceState service, TrafficSnapshot traffic,
            TickLedger ledger, Draft d) {
        String name = "lower the weight of " + vm.name() + " in pool " + service.pool();
        for (WeightSetting w : ledger.cluster().weights()) {
            if (w.pool().equals(service.pool()) && w.backendId().equals(vm.name())) {
                d.consider(ConsideredOption.infeasible(name, "already at weight " + w.weight() + " (was "
                        + w.originalWeight() + ") for " + (w.incidentId().isEmpty() ? "an operator" : w.incidentId())));
                return;
            }
        }
        PoolStats pool = traffic.pool(service.pool()).orElse(null);
        BackendStats mine = null;
        int others = 0;
        for (BackendStats b : pool == null ? List.<BackendStats>of() : pool.backends()) {
            if (b.backendId().equals(vm.name())) {
                mine = b;
            } else if (b.healthy() && "active".equals(b.state()) && b.weight() > 0) {
                others++;
            }
        }
        if (mine == null || others == 0 || mine.weight() <= 1) {
            d.consider(ConsideredOption.infeasible(name, mine == null ? "its weight is not in the telemetry"
                    : others == 0 ? "no other active backend to take its traffic" : "weight already " + mine.weight()));
            return;
        }
        double hurtWeight = 0;
        for (var n : s.hurtNeighbours()) {
            hurtWeight += Weights.of(n.criticality());
        }
        double benefit = Weights.RELIEF_POINTS * hurtWeight * 0.5;
        double cost = Weights.RELIEF_POINTS * Weights.of(vm.criticality()) * 0.25;
        int weight = Math.max(1, mine.weight() / 4);
        d.consider(new ConsideredOption(name, true, benefit, cost, String.format(Locale.ROOT,
                "weight %d -> %d; %d other active backends take the difference", mine.weight(), weight, others)));
        if (benefit <= cost) {
            d.note("re-weighting not worth it: no neighbour gains enough");
            return;
        }
        d.add(new SetWeight(service.pool(), vm.name(), weight, mine.weight(), inc.id(),
                "no migration can relieve " + vm.name() + " on " + vm.host() + " now; shift its traffic to "
                        + others + " other backends",
                String.format(Locale.ROOT, "%s gets about %.0f%% of its former share; its %.2f cores fall with it",
                        vm.name(), 100.0 * weight / mine.weight(), s.vmCpuUsedCores())));
        d.choose(name, "fallback when no migration is feasible");
    }
}
