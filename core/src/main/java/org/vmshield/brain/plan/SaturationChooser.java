package org.vmshield.brain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vmshield.brain.incident.HurtNeighbour;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmState;
import org.vmshield.model.telemetry.TrafficSnapshot;

/**
 * Answers a saturation (a VM at its cap on a contended host, hurting neighbours) by live migration:
 * either the attacked VM to the host leaving the most headroom, or one critical neighbour away,
 * whichever scores better (benefit − cost).
 *
 * <p>Moving the attacked VM relieves it and every hurt neighbour: benefit = 10 × (weight(vm) +
 * Σ weight(hurt)). Moving a critical neighbour relieves only it: benefit = 10 × weight(neighbour).
 * Cost is the pre-copy cost ({@link MigrationCosting}). An option that does not converge, breaks
 * a limit or finds no host is ruled out. When none is left, {@link WeightFallback} may shift the
 * pool's traffic away from the VM instead.
 */
final class SaturationChooser {
    private final MigrationCosting costing;
    private final WeightFallback fallback = new WeightFallback();

    SaturationChooser(MigrationCosting costing) {
        this.costing = costing;
    }

    void plan(Incident inc, TickLedger ledger, Draft d, TrafficSnapshot traffic) {
        ClusterState cluster = ledger.cluster();
        SaturationDetail s = inc.saturation().orElse(null);
        VmState vm = s == null ? null : cluster.vm(s.vm()).orElse(null);
        if (vm == null) {
            d.note("saturated VM " + (s == null ? "?" : s.vm()) + " not in the cluster model");
            return;
        }
        for (InFlightAction a : cluster.inFlight()) {
            // one migration per saturation: the one under way relieves the host when it completes
            if (a.kind() == InFlightKind.MIGRATION
                    && (a.incidentId().equals(inc.id()) || a.vm().equals(vm.name()) || a.fromHost().equals(vm.host()))) {
                d.note("migration of " + a.vm() + " off " + a.fromHost() + " is under way: waiting for it");
                return;
            }
        }
        boolean hostShort = s.hostThrottledFraction() > 0.05 || s.hostCpuUsedCores() >= 0.95 * s.hostCpuCapacityCores();
        List<VmState> criticalHurt = new ArrayList<>(2);
        double hurtWeight = 0;
        for (HurtNeighbour n : s.hurtNeighbours()) {
            VmState nv = cluster.vm(n.vm()).orElse(null);
            Criticality c = nv != null ? nv.criticality() : n.criticality();
            hurtWeight += Weights.of(c);
            if (nv != null && c == Criticality.CRITICAL && nv.host().equals(vm.host())) {
                criticalHurt.add(nv);
            }
        }
        if (!hostShort && s.hurtNeighbours().isEmpty()) {
            d.note(String.format(Locale.ROOT,
                    "host %s has room (%.2f of %.2f cores, throttled %.0f%%) and no neighbour is hurt: moving gives %s nothing",
                    vm.host(), s.hostCpuUsedCores(), s.hostCpuCapacityCores(), s.hostThrottledFraction() * 100, vm.name()));
            return;
        }
        Candidate best = null;
        Candidate moveVm = candidate(vm, Weights.RELIEF_POINTS * (Weights.of(vm.criticality()) + hurtWeight),
                "relieves " + vm.name() + " and " + s.hurtNeighbours().size() + " hurt neighbours", ledger, d);
        best = better(best, moveVm);
        for (VmState n : criticalHurt) {
            Candidate c = candidate(n, Weights.RELIEF_POINTS * Weights.of(n.criticality()),
                    "moves critical " + n.name() + " out of " + vm.name() + "'s reach", ledger, d);
            best = better(best, c);
        }
        if (best == null) {
            d.note("no migration is feasible now; see the options ruled out");
            ServiceState service = cluster.service(vm.service()).orElse(null);
            if (service != null) {
                fallback.plan(inc, s, vm, service, traffic, ledger, d);
            }
            return;
        }
        ledger.recordMigration(best.vm, best.host.name());
        String reason = String.format(Locale.ROOT,
                "%s at %.2f/%.2f cores on %s (%.2f/%.2f cores used, throttled %.0f%%) hurts %d neighbours; %s",
                vm.name(), s.vmCpuUsedCores(), s.vmCpuCapCores(), vm.host(), s.hostCpuUsedCores(),
                s.hostCpuCapacityCores(), s.hostThrottledFraction() * 100, s.hurtNeighbours().size(), best.why);
        d.add(new MigrateVm(best.vm.name(), best.vm.host(), best.host.name(), best.vm.migration(),
                costing.downtimeLimitMillis(), best.prediction, false, inc.id(), reason,
                MigrationCosting.effect(best.prediction) + String.format(Locale.ROOT,
                        "; %s keeps %.2f cores free after", best.host.name(), ledger.freeCpuCores(best.host))));
        d.choose(best.name, String.format(Locale.ROOT, "best score %.1f (benefit %.1f, cost %.1f)",
                best.benefit - best.cost, best.benefit, best.cost));
    }

    private Candidate candidate(VmState v, double benefit, String why, TickLedger ledger, Draft d) {
        String name = "migrate " + v.name() + " from " + v.host();
        String refusal = ledger.migrationRefusal(v);
        if (refusal != null) {
            d.consider(ConsideredOption.infeasible(name, refusal));
            return null;
        }
        HostState to = ledger.bestHost(v, v.cpuCapCores(), v.memoryMiB(), v.host(), true);
        if (to == null) {
            d.consider(ConsideredOption.infeasible(name, String.format(Locale.ROOT,
                    "no host has %.2f cores and %d MiB free under its limits", v.cpuCapCores(), v.memoryMiB())));
            return null;
        }
        name = name + " to " + to.name();
        MigrationPrediction p = costing.predict(ledger.cluster(), v, to.name());
        if (!p.converges()) {
            d.consider(ConsideredOption.infeasible(name, "predicted not to converge and neither auto-converge nor "
                    + "post-copy allowed: " + p.explanation()));
            return null;
        }
        double cost = costing.cost(v, p);
        d.consider(new ConsideredOption(name, true, benefit, cost, why + "; " + p.explanation()));
        return new Candidate(name, v, to, p, benefit, cost, why);
    }

    private static Candidate better(Candidate a, Candidate b) {
        if (b == null || b.benefit - b.cost <= 0) {
            return a;
        }
        if (a == null || b.benefit - b.cost > a.benefit - a.cost) {
            return b;
        }
        return a;
    }

    private record Candidate(String name, VmState vm, HostState host, MigrationPrediction prediction, double benefit,
            double cost, String why) {}
}
