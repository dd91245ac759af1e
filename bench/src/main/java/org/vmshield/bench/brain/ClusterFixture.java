package org.vmshield.bench.brain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.vmshield.brain.incident.Evidence;
import org.vmshield.brain.incident.HurtNeighbour;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentState;
import org.vmshield.brain.incident.IncidentTarget;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.incident.Severity;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.VmRunState;
import org.vmshield.brain.model.VmState;

/**
 * A large synthetic cluster for the planner benchmark: hosts with VMs spread evenly, services of
 * equal size, and a mix of open incidents of every kind (a third saturations, the rest floods,
 * cost attacks on a known flaw, flash crowds, connection exhaustion), plus rules of incidents
 * that are over, to be removed.
 */
public final class ClusterFixture {
    private final List<HostState> hosts;
    private final List<VmState> vms;
    private final List<ServiceState> services;
    private final List<FilterRule> rules;
    private final List<Incident> incidents;

    /** Builds the fixture; the same arguments always build the same cluster. */
    public ClusterFixture(int hostCount, int vmCount, int serviceCount, int incidentCount, long nowMillis, long seed) {
        if (hostCount < 2 || vmCount < hostCount || serviceCount < 1 || vmCount < serviceCount) {
            throw new IllegalArgumentException("hosts %s, vms %s, services %s (expected: 2 <= hosts <= vms, 1 <= services <= vms)"
                    .formatted(hostCount, vmCount, serviceCount));
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        hosts = new ArrayList<>(hostCount);
        for (int h = 0; h < hostCount; h++) {
            double used = 4 + 11 * rnd.nextDouble();
            hosts.add(new HostState("host-" + h, 16, 65536, used, 8192, used > 14 ? 0.3 : 0,
                    h % 10 == 0 ? Set.of("small") : Set.of(), true));
        }
        services = new ArrayList<>(serviceCount);
        List<ServiceVersion> versions = List.of(new ServiceVersion("1.0", Set.of("/p3")), new ServiceVersion("1.1", Set.of()));
        for (int s = 0; s < serviceCount; s++) {
            services.add(new ServiceState("svc-" + s, "pool-" + s, s % 20 == 0 ? Criticality.CRITICAL : Criticality.NORMAL,
                    versions, "1.1", 1, vmCount / serviceCount + 10));
        }
        vms = new ArrayList<>(vmCount);
        for (int v = 0; v < vmCount; v++) {
            int s = v % serviceCount;
            vms.add(new VmState("vm-" + s + "-" + (v / serviceCount), "host-" + (v % hostCount), "svc-" + s,
                    v % 3 == 0 ? "1.0" : "1.1", 1, 1.0, 1024,
                    v % 50 == 0 ? Criticality.CRITICAL : Criticality.NORMAL, VmRunState.RUNNING, 0.5,
                    5 + 60 * rnd.nextDouble(), new MigrationOptions(v % 4 == 0, false), List.of(), List.of()));
        }
        incidents = new ArrayList<>(incidentCount);
        rules = new ArrayList<>();
        for (int i = 0; i < incidentCount; i++) {
            incidents.add(incident(i, serviceCount, hostCount, nowMillis));
            rules.add(new FilterRule("old-" + i, RuleKind.BLOCK_SOURCE, "pool-" + (i % serviceCount), "127.66.9." + i, 0,
                    "over-" + i, nowMillis + 60_000));
        }
    }

    private Incident incident(int i, int serviceCount, int hostCount, long now) {
        int s = (i * 7) % serviceCount;
        String pool = "pool-" + s;
        String svc = "svc-" + s;
        String id = "bench-" + i;
        Evidence ev = new Evidence("requestsPerSec", 5000, 500, 50, 1000, "req/s");
        switch (i % 6) {
            case 0, 1 -> {
                VmState vm = vms.get((i * 104_729) % vms.size());
                List<HurtNeighbour> hurt = new ArrayList<>();
                // neighbours: the VMs sharing its host (VMs are spread round-robin over hosts)
                int h = Integer.parseInt(vm.host().substring(5));
                for (int k = h; k < vms.size() && hurt.size() < 9; k += hostCount) {
                    VmState n = vms.get(k);
                    if (!n.name().equals(vm.name())) {
                        hurt.add(new HurtNeighbour(n.name(), n.service(), n.criticality(), 0.5, 2));
                    }
                }
                SaturationDetail d = new SaturationDetail(vm.name(), vm.host(), 1, 1, 16, 16, 0.4, hurt);
                return incident(id, IncidentKind.SATURATION, IncidentTarget.vm(vm.name(), vm.host(), vm.service(), ""),
                        now, ev, List.of(), SourceSpread.UNKNOWN, List.of(), Optional.of(d));
            }
            case 2 -> {
                return incident(id, IncidentKind.VOLUMETRIC_FLOOD, IncidentTarget.pool(pool, svc), now, ev,
                        sources(10, 0.08), SourceSpread.CONCENTRATED, List.of(), Optional.empty());
            }
            case 3 -> {
                return incident(id, IncidentKind.COST_ATTACK, IncidentTarget.pool(pool, svc), now, ev, sources(3, 0.01),
                        SourceSpread.DISTRIBUTED, List.of(new SuspectedPath("/p3", 5, 400, 20, 2000)), Optional.empty());
            }
            case 4 -> {
                return incident(id, IncidentKind.FLASH_CROWD, IncidentTarget.pool(pool, svc), now, ev, sources(5, 0.002),
                        SourceSpread.DISTRIBUTED, List.of(), Optional.empty());
            }
            default -> {
                return incident(id, IncidentKind.CONNECTION_EXHAUSTION, IncidentTarget.pool(pool, svc), now, ev,
                        sources(4, 0.2), SourceSpread.CONCENTRATED, List.of(), Optional.empty());
            }
        }
    }

    private static List<SuspectedSource> sources(int n, double share) {
        List<SuspectedSource> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new SuspectedSource("127.66." + (k / 250) + "." + (k % 250 + 1), 500, 20, 15, share));
        }
        return out;
    }

    private static Incident incident(String id, IncidentKind kind, IncidentTarget target, long now, Evidence ev,
            List<SuspectedSource> sources, SourceSpread spread, List<SuspectedPath> paths,
            Optional<SaturationDetail> sat) {
        return new Incident(id, kind, target, now - 10_000, now, IncidentState.OPEN, now - 10_000, -1, 30_000,
                Severity.HIGH, Severity.HIGH, 0.9, List.of(ev), sources, spread, paths, sat);
    }

    /** Returns a freshly indexed cluster state (as the controller would hand over each tick). */
    public ClusterState cluster() {
        return new ClusterState(hosts, vms, services, rules, List.of(), List.of(), MigrationBandwidth.uniform(1000));
    }

    /** Returns the open incidents. */
    public List<Incident> incidents() {
        return incidents;
    }
}
