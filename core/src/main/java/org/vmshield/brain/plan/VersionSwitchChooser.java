package org.vmshield.brain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vmshield.brain.detect.SaturationConfig;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.VmRunState;
import org.vmshield.brain.model.VmState;

/**
 * Answers a cost attack on a path that is known to be vulnerable in the running version by a
 * blue/green switch of every such VM of the service to a version that is not.
 *
 * <p>benefit = 10 × weight(service) × 2 (the flaw is gone, not just its traffic); cost = 1 per VM
 * switched (a replica boots next to the old one for a few seconds). The new VM goes on the same
 * host when it has room for both for the switch, else on the host with the most headroom.
 */
final class VersionSwitchChooser {
    /**
     * How long after a cost attack opens its switch waits when the VM's host is contended and carries
     * a critical neighbour: the saturation that follows moves the VM off the host first (a migration
     * takes about half a second; a switch's boot takes seconds and ties the VM up, so the critical
     * neighbour would be moved instead, paying its own migration). Path limits bound the flaw's cost
     * meanwhile; after this the switch goes ahead whatever happened.
     */
    static final long DEFER_FOR_MOVE_MILLIS = 1_500;

    /** Returns true when the attack matched a known flaw (switches planned, in flight, or impossible). */
    boolean plan(Incident inc, TickLedger ledger, Draft d) {
        ClusterState cluster = ledger.cluster();
        ServiceState service = Targets.service(inc, cluster).orElse(null);
        if (service == null) {
            d.consider(ConsideredOption.infeasible("switch version", "no service known for target " + inc.target()));
            return false;
        }
        List<VmState> candidates = inc.target().vm().isEmpty()
                ? cluster.vmsOf(service.name())
                : cluster.vm(inc.target().vm()).map(List::of).orElse(List.of());
        for (SuspectedPath path : inc.paths()) {
            List<VmState> vulnerable = new ArrayList<>();
            for (VmState v : candidates) {
                if (v.state() == VmRunState.RUNNING && service.isVulnerable(v.version(), path.path())) {
                    vulnerable.add(v);
                }
            }
            if (vulnerable.isEmpty()) {
                continue;
            }
            planSwitches(inc, service, path, vulnerable, ledger, d);
            return true;
        }
        boolean switching = false;
        for (InFlightAction a : cluster.inFlight()) {
            switching |= a.kind() == InFlightKind.VERSION_SWITCH && a.incidentId().equals(inc.id());
        }
        if (switching) {
            d.note("version switches for this incident are in flight");
            return true;
        }
        d.consider(ConsideredOption.infeasible("switch version", "no known-vulnerable version of " + service.name()
                + " runs on the attacked paths " + pathNames(inc)));
        return false;
    }

    private void planSwitches(Incident inc, ServiceState service, SuspectedPath path, List<VmState> vulnerable,
            TickLedger ledger, Draft d) {
        String from = vulnerable.get(0).version();
        String to = service.fixFor(from, path.path()).orElse(null);
        String name = "switch " + vulnerable.size() + " VMs of " + service.name() + " from " + from;
        if (to == null) {
            d.consider(ConsideredOption.infeasible(name, "path " + path.path() + " is vulnerable in " + from
                    + " and no catalogued version fixes it"));
            return;
        }
        name = name + " to " + to;
        double benefit = Weights.RELIEF_POINTS * Weights.of(service.criticality()) * 2;
        double cost = vulnerable.size();
        d.consider(new ConsideredOption(name, true, benefit, cost, String.format(Locale.ROOT,
                "%s is known-vulnerable on %s: %.1f req/s cost %.0f ms each (baseline %.0f ms)", from, path.path(),
                path.requestsPerSec(), path.meanBackendMillis(), path.baselineMeanBackendMillis())));
        int planned = 0;
        int deferred = 0;
        for (VmState v : vulnerable) {
            if (ledger.isBusy(v.name())) {
                continue;
            }
            String neighbour = criticalNeighbourOnContendedHost(v, ledger);
            if (neighbour != null && ledger.nowMillis() - inc.startMillis() < DEFER_FOR_MOVE_MILLIS) {
                d.note("switch of " + v.name() + " deferred up to " + DEFER_FOR_MOVE_MILLIS
                        + " ms after onset: its host " + v.host() + " is contended and carries critical " + neighbour
                        + "; moving " + v.name() + " off comes first");
                deferred++;
                continue;
            }
            String target = v.version().equals(from) ? to : service.fixFor(v.version(), path.path()).orElse(null);
            if (target == null) {
                continue;
            }
            // Where the new VM boots: its own host if it has the CPU and memory for both; else the
            // host with the most headroom; else a smaller host, other than its own, that has the VM's
            // cap there free (its cores, at least half the VM's cap: a boot next to the old VM would take the CPU it still serves with until the switch;
            // should the new VM need more, the saturation detector moves it later); else, as a last
            // resort, its own host with memory for both: there the new VM takes over the old one's
            // CPU (the old one is drained and stopped). An attacked host is busy by definition, and
            // asking for free CPU there alone would rule the fix out when it is needed most.
            HostState own = ledger.cluster().host(v.host()).orElseThrow();
            HostState host = own;
            double cpu = v.cpuCapCores();
            if (!ledger.fits(own, v, cpu, v.memoryMiB(), false)) {
                host = ledger.bestHost(v, cpu, v.memoryMiB(), "", false);
                if (host == null) {
                    host = smallerHost(v, own, ledger);
                    if (host != null) {
                        cpu = capOn(v, host);
                    }
                }
                if (host == null && ledger.fits(own, v, 0, v.memoryMiB(), false)) {
                    host = own;
                    cpu = 0;
                }
            }
            if (host == null) {
                d.note("no host has room for the new " + target + " VM of " + v.name());
                continue;
            }
            ledger.reserve(host.name(), cpu, v.memoryMiB());
            ledger.markBusy(v.name());
            d.add(new SwitchVersion(v.name(), service.name(), service.pool(), v.version(), target,
                    v.name() + "-" + target, host.name(), SwitchVersion.BLUE_GREEN, inc.id(),
                    "cost attack on " + path.path() + ", known-vulnerable in " + v.version() + " ("
                            + Fmt.d0(path.meanBackendMillis()) + " ms per request)",
                    v.name() + " no longer pays " + Fmt.d0(path.meanBackendMillis()) + " ms per " + path.path()
                            + " request; " + Fmt.d0(path.backendMillisPerSec()) + " backend-ms/s freed"));
            planned++;
        }
        if (planned > 0) {
            d.choose(name, "the attacked path is a known flaw of the running version; the patched version removes it");
        } else if (deferred > 0) {
            d.note("the switch follows once the VM has left its contended host");
        } else {
            d.note("every vulnerable VM already has an action in flight or no room for its replacement");
        }
    }

    /** Returns a running critical VM other than {@code v} on {@code v}'s host when that host is contended, or null. */
    private static String criticalNeighbourOnContendedHost(VmState v, TickLedger ledger) {
        ClusterState cluster = ledger.cluster();
        HostState host = cluster.host(v.host()).orElse(null);
        // contended as the saturation detector judges it (the brain runs with its default thresholds)
        if (host == null || !SaturationConfig.DEFAULTS.isHostContended(host.throttledFraction(), host.cpuUsedCores(),
                host.cpuCapacityCores())) {
            return null;
        }
        for (VmState o : cluster.vmsOn(v.host())) {
            if (!o.name().equals(v.name()) && o.state() == VmRunState.RUNNING
                    && o.criticality() == Criticality.CRITICAL) {
                return o.name();
            }
        }
        return null;
    }

    /** Returns a VM's CPU cap on a host: its vCPUs, at most the host's cores. */
    private static double capOn(VmState v, HostState h) {
        return Math.min(v.vcpus(), h.cpuCapacityCores());
    }

    /**
     * Returns the host other than {@code own} with the most CPU free among those smaller than the VM's
     * cap where it fits with its cap there (at least half its cap), or null.
     */
    private static HostState smallerHost(VmState v, HostState own, TickLedger ledger) {
        HostState best = null;
        double bestFree = 0;
        for (HostState h : ledger.cluster().hosts()) {
            double cap = capOn(v, h);
            if (h.name().equals(own.name()) || cap < v.cpuCapCores() / 2 || !ledger.fits(h, v, cap, v.memoryMiB(), false)) {
                continue;
            }
            double free = ledger.freeCpuCores(h);
            if (best == null || free > bestFree + 1e-9) {
                best = h;
                bestFree = free;
            }
        }
        return best;
    }

    private static String pathNames(Incident inc) {
        List<String> names = new ArrayList<>(inc.paths().size());
        for (SuspectedPath p : inc.paths()) {
            names.add(p.path());
        }
        return names.toString();
    }
}
