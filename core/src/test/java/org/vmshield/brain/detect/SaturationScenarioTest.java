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

    @Test
    void aVmTakingMostOfASharedHostSaturatesItBelowItsOwnCap() {
        // the demo's topology: both VMs capped at the whole 0.5-core host; the attacked one never
        // reaches 90 % of its cap because its neighbour still gets a little of the quota
        ClusterState shared = ClusterState.of(List.of(HostState.of("small", 0.5, 1280), HostState.of("big", 1.0, 2048)),
                List.of(VmState.of("attacked-1", "small", "web", "v1", 0.5, 256),
                        VmState.of("crit-1", "small", "crit", "v1", 0.5, 256).withCriticality(Criticality.CRITICAL)),
                List.of(service("web", Criticality.NORMAL), service("crit", Criticality.CRITICAL)),
                MigrationBandwidth.uniform(100));
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        List<DetectionResult> results = new ArrayList<>();
        for (int i = 0; i < ONSET + 6; i++) {
            boolean attack = i >= ONSET;
            List<HostUsage> hosts = List.of(new HostUsage("small", 0.5, attack ? 0.49 : 0.2, attack ? 0.6 : 0, 1280, 600),
                    new HostUsage("big", 1.0, 0.0, 0.0, 2048, 0));
            List<VmUsage> vms = List.of(new VmUsage("attacked-1", "small", attack ? 0.38 : 0.1, 256, 5),
                    new VmUsage("crit-1", "small", attack ? 0.11 : 0.1, 256, 5));
            List<PoolStats> pools = List.of(SyntheticPool.legit("web", 50, 100, i).backends(List.of("attacked-1")).build(),
                    SyntheticPool.legit("crit", 50, 100, i).backends(List.of("crit-1")).build());
            results.add(engine.tick(Snapshots.of(i, pools, hosts, vms), shared));
        }
        for (int i = 0; i < ONSET + 2; i++) {
            assertThat(results.get(i).opened()).as("tick %s: not before 3 ticks of dominance", i).isEmpty();
        }
        assertThat(results.get(ONSET + 4).active()).filteredOn(inc -> inc.kind() == IncidentKind.SATURATION)
                .singleElement().satisfies(inc -> {
                    assertThat(inc.target().vm()).as("the VM taking 78 %% of the host, not its neighbour").isEqualTo("attacked-1");
                    assertThat(inc.saturation().orElseThrow().hurtNeighbours()).extracting(HurtNeighbour::vm)
                            .containsExactly("crit-1");
                });
    }

    @Test
    void twoVmsSharingABusyHostEvenlySaturateNothing() {
        ClusterState shared = ClusterState.of(List.of(HostState.of("small", 0.5, 1280)),
                List.of(VmState.of("a-1", "small", "web", "v1", 0.5, 256), VmState.of("b-1", "small", "crit", "v1", 0.5, 256)),
                List.of(service("web", Criticality.NORMAL), service("crit", Criticality.CRITICAL)),
                MigrationBandwidth.uniform(100));
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        for (int i = 0; i < 20; i++) {
            List<HostUsage> hosts = List.of(new HostUsage("small", 0.5, 0.5, 0.5, 1280, 600));
            List<VmUsage> vms = List.of(new VmUsage("a-1", "small", 0.26, 256, 5), new VmUsage("b-1", "small", 0.24, 256, 5));
            List<PoolStats> pools = List.of(SyntheticPool.legit("web", 50, 100, i).backends(List.of("a-1")).build(),
                    SyntheticPool.legit("crit", 50, 100, i).backends(List.of("b-1")).build());
            DetectionResult r = engine.tick(Snapshots.of(i, pools, hosts, vms), shared);
            assertThat(r.active()).as("tick %s", i).extracting(Incident::kind).doesNotContain(IncidentKind.SATURATION);
        }
    }

    @Test
    void aNeighboursShortBurstOnABusySharedHostIsNoSaturation() {
        // the critical VM doubles its use for two ticks (a burst of its own clients, a guest
        // housekeeping moment) and takes most of the busy host: not the paper's attacked VM
        ClusterState shared = ClusterState.of(List.of(HostState.of("small", 0.5, 1280)),
                List.of(VmState.of("a-1", "small", "web", "v1", 0.5, 256),
                        VmState.of("crit-1", "small", "crit", "v1", 0.5, 256).withCriticality(Criticality.CRITICAL)),
                List.of(service("web", Criticality.NORMAL), service("crit", Criticality.CRITICAL)),
                MigrationBandwidth.uniform(100));
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        for (int i = 0; i < 60; i++) {
            boolean burst = i % 10 == 8 || i % 10 == 9;
            List<HostUsage> hosts = List.of(new HostUsage("small", 0.5, burst ? 0.49 : 0.3, burst ? 0.3 : 0, 1280, 600));
            List<VmUsage> vms = List.of(new VmUsage("a-1", "small", burst ? 0.1 : 0.15, 256, 5),
                    new VmUsage("crit-1", "small", burst ? 0.39 : 0.15, 256, 5));
            List<PoolStats> pools = List.of(SyntheticPool.legit("web", 50, 100, i).backends(List.of("a-1")).build(),
                    SyntheticPool.legit("crit", 50, 100, i).backends(List.of("crit-1")).build());
            DetectionResult r = engine.tick(Snapshots.of(i, pools, hosts, vms), shared);
            assertThat(r.active()).as("tick %s", i).extracting(Incident::kind).doesNotContain(IncidentKind.SATURATION);
        }
    }
}
