package org.vmshield.brain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.vmshield.brain.incident.HurtNeighbour;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.IncidentTarget;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.incident.SourceSpread;
import org.vmshield.brain.incident.SuspectedPath;
import org.vmshield.brain.incident.SuspectedSource;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.VmRunState;
import org.vmshield.brain.model.VmState;

/** A random but valid cluster with random incidents, built from one seed (for property tests). */
record RandomScenario(ClusterState cluster, List<Incident> incidents, long nowMillis) {
    static final long NOW = 10_000_000;

    static RandomScenario of(long seed) {
        Random rnd = new Random(seed);
        List<HostState> hosts = new ArrayList<>();
        int hostCount = 2 + rnd.nextInt(9);
        double[] caps = {1, 2, 4, 8, 16};
        for (int i = 0; i < hostCount; i++) {
            double cap = caps[rnd.nextInt(caps.length)];
            long mem = 2048L << rnd.nextInt(4);
            hosts.add(new HostState("h" + i, cap, mem, cap * rnd.nextDouble(), rnd.nextInt((int) mem / 2),
                    rnd.nextDouble() * 0.5, rnd.nextInt(4) == 0 ? Set.of("small") : Set.of(), rnd.nextInt(10) != 0));
        }
        List<ServiceState> services = new ArrayList<>();
        int serviceCount = 1 + rnd.nextInt(3);
        for (int i = 0; i < serviceCount; i++) {
            services.add(new ServiceState("s" + i, "p" + i, Criticality.values()[rnd.nextInt(3)],
                    List.of(new ServiceVersion("1.0", Set.of("/search")), new ServiceVersion("1.1", Set.of())), "1.1", 1,
                    1 + rnd.nextInt(6)));
        }
        List<VmState> vms = new ArrayList<>();
        int vmCount = 1 + rnd.nextInt(25);
        double[] vmCaps = {0.5, 1, 2};
        long[] mems = {256, 512, 1024, 2048};
        for (int i = 0; i < vmCount; i++) {
            double cap = vmCaps[rnd.nextInt(vmCaps.length)];
            List<Long> times = rnd.nextInt(3) == 0 ? List.of(NOW - rnd.nextInt(3_600_000)) : List.of();
            vms.add(new VmState("vm" + i, "h" + rnd.nextInt(hostCount), "s" + rnd.nextInt(serviceCount),
                    rnd.nextBoolean() ? "1.0" : "1.1", (int) Math.ceil(cap), cap, mems[rnd.nextInt(mems.length)],
                    Criticality.values()[rnd.nextInt(3)], VmRunState.RUNNING, cap * rnd.nextDouble(),
                    rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextDouble() * 150,
                    new MigrationOptions(rnd.nextBoolean(), rnd.nextInt(4) == 0), times,
                    rnd.nextInt(5) == 0 ? List.of("small") : List.of()));
        }
        List<InFlightAction> inFlight = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(4); i++) {
            VmState v = vms.get(rnd.nextInt(vms.size()));
            String to = "h" + rnd.nextInt(hostCount);
            if (!to.equals(v.host()) && inFlight.stream().noneMatch(a -> a.vm().equals(v.name()))) {
                inFlight.add(new InFlightAction("a" + i, InFlightKind.MIGRATION, v.name(), v.host(), to, "", NOW - 1000));
            }
        }
        List<Incident> incidents = new ArrayList<>();
        int incidentCount = rnd.nextInt(9);
        for (int i = 0; i < incidentCount; i++) {
            incidents.add(incident(rnd, i, vms, services));
        }
        List<FilterRule> rules = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(5); i++) {
            String inc = rnd.nextBoolean() && !incidents.isEmpty() ? incidents.get(rnd.nextInt(incidents.size())).id()
                    : "gone-" + i;
            rules.add(new FilterRule("rule" + i, RuleKind.BLOCK_SOURCE, "p0", "127.66.9." + i, 0, inc, NOW + 60_000));
        }
        ClusterState cluster = new ClusterState(hosts, vms, services, rules, List.of(), inFlight,
                MigrationBandwidth.uniform(50 + rnd.nextInt(200)));
        return new RandomScenario(cluster, incidents, NOW);
    }

    private static Incident incident(Random rnd, int i, List<VmState> vms, List<ServiceState> services) {
        IncidentKind kind = IncidentKind.values()[rnd.nextInt(IncidentKind.values().length)];
        ServiceState s = services.get(rnd.nextInt(services.size()));
        String id = "inc" + i;
        if (kind == IncidentKind.SATURATION) {
            VmState v = vms.get(rnd.nextInt(vms.size()));
            List<HurtNeighbour> hurt = new ArrayList<>();
            for (VmState n : vms) {
                if (n.host().equals(v.host()) && !n.name().equals(v.name())) {
                    hurt.add(new HurtNeighbour(n.name(), n.service(), n.criticality(), n.cpuUsedCores(), 2));
                }
            }
            SaturationDetail d = new SaturationDetail(v.name(), v.host(), v.cpuCapCores(), v.cpuCapCores(), 4, 4, 0.3, hurt);
            return Fixtures.incident(id, kind, IncidentTarget.vm(v.name(), v.host(), v.service(), ""), NOW - 5000,
                    SourceSpread.UNKNOWN, List.of(), List.of(), Optional.of(d), rnd.nextDouble());
        }
        List<SuspectedSource> sources = new ArrayList<>();
        for (int k = 0; k < rnd.nextInt(5); k++) {
            sources.add(new SuspectedSource("127.66.0." + k, 100, 3, 1, rnd.nextDouble() * 0.5));
        }
        List<SuspectedPath> paths = List.of(new SuspectedPath(rnd.nextBoolean() ? "/search" : "/x", 5, 300, 20, 1500));
        return Fixtures.incident(id, kind, IncidentTarget.pool(s.pool(), s.name()), NOW - 5000,
                rnd.nextBoolean() ? SourceSpread.CONCENTRATED : SourceSpread.DISTRIBUTED, sources, paths, Optional.empty(),
                rnd.nextDouble());
    }
}
