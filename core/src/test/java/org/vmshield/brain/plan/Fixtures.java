package org.vmshield.brain.plan;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.VmState;

/**
 * The paper's topology (Fig. 2/3): a small host carrying the attacked web VM and a critical bank
 * VM, a medium host with a second web VM, a roomy big host. Bandwidth 100 MiB/s everywhere.
 * Version 1.0 of web is known-vulnerable on /search; 1.1 is patched.
 */
final class Fixtures {
    static final long T0 = 1_000_000;

    private Fixtures() {}

    static HostState small() {
        return new HostState("small", 2, 4096, 2.0, 2048, 0.4, Set.of("small"), true);
    }

    static HostState medium() {
        return new HostState("medium", 4, 8192, 3.0, 2048, 0, Set.of(), true);
    }

    static HostState big() {
        return new HostState("big", 8, 16384, 1.0, 1024, 0, Set.of(), true);
    }

    static ServiceState web() {
        return new ServiceState("web", "web", Criticality.NORMAL,
                List.of(new ServiceVersion("1.0", Set.of("/search")), new ServiceVersion("1.1", Set.of())), "1.1", 1, 4);
    }

    static ServiceState bank() {
        return new ServiceState("bank", "bank", Criticality.CRITICAL, List.of(new ServiceVersion("1.0", Set.of())), "",
                1, 2);
    }

    /** The attacked web VM: memory and dirty rate given, cap 1 core. */
    static VmState web1(long memoryMiB, double dirtyMiBPerSec) {
        return VmState.of("web-1", "small", "web", "1.0", 1.0, memoryMiB).withUsage(1.0, dirtyMiBPerSec);
    }

    static VmState bank1(double dirtyMiBPerSec) {
        return VmState.of("bank-1", "small", "bank", "1.0", 1.0, 1024).withCriticality(Criticality.CRITICAL)
                .withUsage(0.9, dirtyMiBPerSec);
    }

    static VmState web2() {
        return VmState.of("web-2", "medium", "web", "1.0", 1.0, 1024).withUsage(0.5, 10);
    }

    static ClusterState paper(VmState web1, VmState bank1) {
        return ClusterState.of(List.of(small(), medium(), big()), List.of(web1, bank1, web2()), List.of(web(), bank()),
                MigrationBandwidth.uniform(100));
    }

    static Incident saturation(String id, long atMillis, String vm, String host) {
        SaturationDetail detail = new SaturationDetail(vm, host, 1.0, 1.0, 2.0, 2.0, 0.4,
                List.of(new HurtNeighbour("bank-1", "bank", Criticality.CRITICAL, 0.9, 3.0)));
        return incident(id, IncidentKind.SATURATION, IncidentTarget.vm(vm, host, "web", "web"), atMillis,
                SourceSpread.UNKNOWN, List.of(), List.of(), Optional.of(detail), 0.9);
    }

    static Incident flood(String id, SourceSpread spread, double confidence, double... shares) {
        SuspectedSource[] sources = new SuspectedSource[shares.length];
        for (int i = 0; i < shares.length; i++) {
            sources[i] = new SuspectedSource("127.66.0." + (i + 1), 1000 * shares[i], 4, 0, shares[i]);
        }
        return incident(id, IncidentKind.VOLUMETRIC_FLOOD, IncidentTarget.pool("web", "web"), T0, spread,
                List.of(sources), List.of(), Optional.empty(), confidence);
    }

    static Incident flashCrowd(String id) {
        return incident(id, IncidentKind.FLASH_CROWD, IncidentTarget.pool("web", "web"), T0, SourceSpread.DISTRIBUTED,
                List.of(new SuspectedSource("127.1.0.1", 2, 1, 0, 0.001)), List.of(), Optional.empty(), 0.8);
    }

    static Incident costAttack(String id, String path, SourceSpread spread) {
        return incident(id, IncidentKind.COST_ATTACK, IncidentTarget.pool("web", "web"), T0, spread,
                List.of(new SuspectedSource("127.66.1.1", 5, 2, 0, 0.2)),
                List.of(new SuspectedPath(path, 6, 400, 20, 2400)), Optional.empty(), 0.9);
    }

    static Incident incident(String id, IncidentKind kind, IncidentTarget target, long atMillis, SourceSpread spread,
            List<SuspectedSource> sources, List<SuspectedPath> paths, Optional<SaturationDetail> saturation,
            double confidence) {
        return new Incident(id, kind, target, atMillis, atMillis, IncidentState.OPEN, atMillis, -1, 30_000, Severity.HIGH,
                Severity.HIGH, confidence, List.of(new Evidence("requestsPerSec", 5000, 500, 50, 1000, "req/s")),
                sources, spread, paths, saturation);
    }

    static Incident resolved(Incident i, long atMillis) {
        return new Incident(i.id(), i.kind(), i.target(), i.startMillis(), i.lastSeenMillis(), IncidentState.RESOLVED,
                atMillis, atMillis, i.holdDownMillis(), i.severity(), i.peakSeverity(), i.confidence(), i.evidence(),
                i.sources(), i.sourceSpread(), i.paths(), i.saturation());
    }
}
