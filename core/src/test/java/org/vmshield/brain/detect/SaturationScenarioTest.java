package org.vmshield.brain.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.HurtNeighbour;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.brain.incident.SaturationDetail;
import org.vmshield.brain.incident.Severity;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.HostState;
import org.vmshield.brain.model.MigrationBandwidth;
import org.vmshield.brain.model.ServiceState;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.brain.model.VmState;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.VmUsage;

/**
 * The paper's scenario: the attacked VM and a critical VM share a small host; a roomy host
 * elsewhere. The attacked VM runs at its cap, the small host is throttled.
 */
class SaturationScenarioTest {
    static final int ONSET = 30;

    static final ClusterState CLUSTER = ClusterState.of(
            List.of(HostState.of("small", 1.0, 4096), HostState.of("roomy", 8.0, 16384)),
            List.of(VmState.of("web-1", "small", "web", "v1", 0.6, 256),
                    VmState.of("crit-1", "small", "crit", "v1", 0.5, 256).withCriticality(Criticality.CRITICAL),
                    VmState.of("batch-1", "small", "batch", "v1", 0.2, 256).withCriticality(Criticality.LOW),
                    VmState.of("web-2", "roomy", "web", "v1", 2.0, 256)),
            List.of(service("web", Criticality.NORMAL), service("crit", Criticality.CRITICAL),
                    service("batch", Criticality.LOW)),
            MigrationBandwidth.uniform(100));

    static ServiceState service(String name, Criticality c) {
        return new ServiceState(name, name, c, List.of(new ServiceVersion("v1", java.util.Set.of())), "", 1, 4);
    }

    static org.vmshield.model.telemetry.TelemetrySnapshot tick(int i, boolean attack) {
        List<HostUsage> hosts = List.of(
                new HostUsage("small", 1.0, attack ? 1.0 : 0.45, attack ? 0.4 : 0.0, 4096, 800),
                new HostUsage("roomy", 8.0, 1.0, 0.0, 16384, 300));
        List<VmUsage> vms = List.of(
                new VmUsage("web-1", "small", attack ? 0.6 : 0.2, 256, 5),
                new VmUsage("crit-1", "small", attack ? 0.3 : 0.2, 256, 5),
                new VmUsage("batch-1", "small", 0.05, 256, 1),
                new VmUsage("web-2", "roomy", 0.2, 256, 5));
        SyntheticPool crit = SyntheticPool.legit("crit", 50, 100, i).backends(List.of("crit-1"));
        if (attack) {
            crit.backendP90("crit-1", 200); // slowed by the shared CPU
        }
        List<PoolStats> pools = List.of(SyntheticPool.legit("web", 200, 500, i).backends(List.of("web-1", "web-2")).build(),
                crit.build());
        return Snapshots.of(i, pools, hosts, vms);
    }

    @Test
    void namesTheVmAtItsCapItsHostAndTheCriticalNeighbourFirst() {
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        List<DetectionResult> results = new ArrayList<>();
        for (int i = 0; i < ONSET + 10; i++) {
            results.add(engine.tick(tick(i, i >= ONSET), CLUSTER));
        }
        for (int i = 0; i < ONSET + 1; i++) {
            assertThat(results.get(i).opened()).as("tick %s", i).isEmpty();
        }
        assertThat(results.get(ONSET + 1).opened()).singleElement().satisfies(inc -> {
            assertThat(inc.kind()).isEqualTo(IncidentKind.SATURATION);
            assertThat(inc.target().vm()).isEqualTo("web-1");
            assertThat(inc.target().host()).isEqualTo("small");
            assertThat(inc.target().pool()).isEqualTo("web");
            assertThat(inc.severity()).isGreaterThanOrEqualTo(Severity.HIGH);
            SaturationDetail d = inc.saturation().orElseThrow();
            assertThat(d.vm()).isEqualTo("web-1");
            assertThat(d.host()).isEqualTo("small");
            assertThat(d.vmCpuCapCores()).isEqualTo(0.6);
            assertThat(d.hostThrottledFraction()).isEqualTo(0.4);
            assertThat(d.hurtNeighbours()).extracting(HurtNeighbour::vm).containsExactly("crit-1", "batch-1");
            HurtNeighbour crit = d.hurtNeighbours().get(0);
            assertThat(crit.criticality()).isEqualTo(Criticality.CRITICAL);
            assertThat(crit.service()).isEqualTo("crit");
            assertThat(crit.latencyRatio()).as("its backend's p90 over its baseline").isGreaterThan(5);
        });
    }

    @Test
    void aBusyVmOnAHostWithRoomIsNoSaturation() {
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        ClusterState cluster = CLUSTER;
        for (int i = 0; i < 20; i++) {
            // web-2 runs at its 2-core cap on the roomy host, which is far from contended
            var s = tick(i, false);
            var hv = new org.vmshield.model.telemetry.HypervisorSnapshot(s.atMillis(), s.hypervisor().hosts(),
                    List.of(new VmUsage("web-2", "roomy", 2.0, 256, 5)));
            DetectionResult r = engine.tick(new org.vmshield.model.telemetry.TelemetrySnapshot(s.atMillis(), s.traffic(), hv),
                    cluster);
            assertThat(r.active()).extracting(Incident::kind).doesNotContain(IncidentKind.SATURATION);
        }
    }
}
