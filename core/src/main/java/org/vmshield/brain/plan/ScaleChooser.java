package org.vmshield.brain.plan;

import java.util.List;
import java.util.Locale;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmState;

/**
 * Adds a replica when load cannot (or must not) be filtered: a flash crowd, or a flood from many
 * sources. One replica per service per tick, none while one started for the incident is starting
 * or started less than the scale-out cooldown ago.
 *
 * <p>benefit = 10 × weight(service) × 2 / replicas (capacity grows by 1/replicas); cost = the new
 * replica's CPU cap in cores.
 */
final class ScaleChooser {
    private final PlannerConfig config;

    ScaleChooser(PlannerConfig config) {
        this.config = config;
    }

    void plan(Incident inc, TickLedger ledger, Draft d, long nowMillis) {
        ClusterState cluster = ledger.cluster();
        ServiceState service = Targets.service(inc, cluster).orElse(null);
        if (service == null) {
            d.consider(ConsideredOption.infeasible("scale out", "no service known for target " + inc.target()));
            return;
        }
        String name = "scale out " + service.name();
        List<VmState> replicas = cluster.vmsOf(service.name());
        if (replicas.isEmpty()) {
            d.consider(ConsideredOption.infeasible(name, "no replica to copy"));
            return;
        }
        if (replicas.size() >= service.maxReplicas()) {
            d.consider(ConsideredOption.infeasible(name, "already " + replicas.size() + " replicas (max "
                    + service.maxReplicas() + ")"));
            return;
        }
        for (InFlightAction a : cluster.inFlight()) {
            if (a.kind() == InFlightKind.SCALE_OUT && a.incidentId().equals(inc.id())) {
                d.consider(ConsideredOption.infeasible(name, "replica " + a.vm() + " is still starting"));
                return;
            }
        }
        for (IncidentChange ch : cluster.changes()) {
            if (ch.kind() == ChangeKind.SCALED_OUT && ch.incidentId().equals(inc.id())
                    && nowMillis - ch.atMillis() < config.scaleOutCooldownMillis()) {
                d.consider(ConsideredOption.infeasible(name, "replica " + ch.vm() + " started " + (nowMillis - ch.atMillis()) / 1000
                        + " s ago (cooldown " + config.scaleOutCooldownMillis() / 1000 + " s)"));
                return;
            }
        }
        String flag = "scale-out:" + service.name();
        if (ledger.isBusy(flag)) {
            d.consider(ConsideredOption.infeasible(name, "a replica of " + service.name() + " is already planned this tick"));
            return;
        }
        VmState template = replicas.get(0);
        String version = !service.patchedVersion().isEmpty() && service.version(service.patchedVersion()).isPresent()
                ? service.patchedVersion() : template.version();
        HostState host = ledger.bestHost(template, template.cpuCapCores(), template.memoryMiB(), "", false);
        if (host == null) {
            d.consider(ConsideredOption.infeasible(name, String.format(Locale.ROOT,
                    "no host has %.2f cores and %d MiB free", template.cpuCapCores(), template.memoryMiB())));
            return;
        }
        double benefit = Weights.RELIEF_POINTS * Weights.of(service.criticality()) * 2.0 / replicas.size();
        double cost = template.cpuCapCores();
        d.consider(new ConsideredOption(name + " on " + host.name(), true, benefit, cost,
                replicas.size() + " replicas now, " + service.maxReplicas() + " at most"));
        if (benefit <= cost) {
            d.note("another replica is not worth its cost");
            return;
        }
        String newVm = newName(cluster, service.name(), replicas.size());
        ledger.markBusy(flag);
        ledger.reserve(host.name(), template.cpuCapCores(), template.memoryMiB());
        d.add(new ScaleOut(service.name(), service.pool(), newVm, version, host.name(), template.cpuCapCores(),
                template.memoryMiB(), inc.id(),
                inc.kind() + " on " + service.name() + (inc.isAttack() ? " from distributed sources" : ": legitimate surge"),
                String.format(Locale.ROOT, "capacity of %s grows from %d to %d replicas", service.name(), replicas.size(),
                        replicas.size() + 1)));
        d.choose(name + " on " + host.name(), inc.isAttack()
                ? "sources too spread to filter: add capacity" : "a flash crowd is served, never blocked: add capacity");
    }

    private static String newName(ClusterState cluster, String service, int replicas) {
        for (int k = replicas + 1; ; k++) {
            String name = service + "-r" + k;
            if (cluster.vm(name).isEmpty()) {
                return name;
            }
        }
    }
}
