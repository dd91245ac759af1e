package org.vmshield.brain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.VmUsage;

class ClusterStateTest {
    private static final ServiceState WEB = new ServiceState("web", "web-pool", Criticality.NORMAL,
            List.of(new ServiceVersion("1.0", Set.of("/search")), new ServiceVersion("1.1", Set.of()),
                    new ServiceVersion("1.2", Set.of("/admin"))), "1.1", 1, 3);

    private static ClusterState cluster(List<InFlightAction> inFlight) {
        return new ClusterState(List.of(HostState.of("a", 4, 4096), HostState.of("b", 8, 8192).withUsage(2, 100, 0)),
                List.of(VmState.of("vm1", "a", "web", "1.0", 1, 1024), VmState.of("vm2", "a", "web", "1.0", 2, 512),
                        VmState.of("vm3", "b", "web", "1.1", 1, 256)),
                List.of(WEB), List.of(), List.of(), inFlight, MigrationBandwidth.uniform(100));
    }

    @Test
    void indexesVmsByHostAndServiceAndCountsCommittedCapacity() {
        ClusterState c = cluster(List.of(new InFlightAction("m1", InFlightKind.MIGRATION, "vm1", "a", "b", "", 0)));
        assertThat(c.vmsOn("a")).extracting(VmState::name).containsExactly("vm1", "vm2");
        assertThat(c.vmsOf("web")).hasSize(3);
        assertThat(c.serviceOfPool("web-pool")).contains(WEB);
        assertThat(c.committedMemoryMiB("a")).isEqualTo(1536);
        // b: 256 MiB of vm3 plus vm1 on its way; CPU: 2 measured plus vm1's cap.
        assertThat(c.committedMemoryMiB("b")).isEqualTo(256 + 1024);
        assertThat(c.committedCpuCores("b")).isEqualTo(3.0);
        assertThat(c.hosts().get(c.hostAtHeadroomRank(0)).name()).isEqualTo("b"); // 8-3 = 5 free vs 4
        assertThat(c.inFlightOn("vm1")).isPresent();
    }

    @Test
    void rejectsInconsistentStatesWithClearMessages() {
        HostState a = HostState.of("a", 4, 4096);
        MigrationBandwidth bw = MigrationBandwidth.uniform(100);
        assertThatThrownBy(() -> ClusterState.of(List.of(a, a), List.of(), List.of(WEB), bw))
                .hasMessageContaining("host a: duplicate");
        assertThatThrownBy(() -> ClusterState.of(List.of(a), List.of(VmState.of("v", "zz", "web", "1.0", 1, 1)),
                List.of(WEB), bw)).hasMessageContaining("vm v host: zz (expected: a known host)");
        assertThatThrownBy(() -> ClusterState.of(List.of(a), List.of(VmState.of("v", "a", "db", "1.0", 1, 1)),
                List.of(WEB), bw)).hasMessageContaining("vm v service: db");
        assertThatThrownBy(() -> HostState.of("h", 0, 1)).hasMessageContaining("cpuCapacityCores: 0.0 (expected: > 0)");
        assertThatThrownBy(() -> VmState.of("v", "a", "web", "1.0", 1, 0)).hasMessageContaining("memoryMiB");
        assertThatThrownBy(() -> MigrationBandwidth.uniform(-1)).hasMessageContaining("defaultMiBPerSec");
    }

    @Test
    void appliesMeasuredUseAndKeepsTheLastDirtyRateWhenNoneIsMeasured() {
        ClusterState c = cluster(List.of()).withVm(VmState.of("vm1", "a", "web", "1.0", 1, 1024).withUsage(0, 40));
        ClusterState m = c.withUsage(new HypervisorSnapshot(5, List.of(new HostUsage("a", 4, 3.5, 0.2, 4096, 2000)),
                List.of(new VmUsage("vm1", "a", 0.95, 1024, Double.NaN), new VmUsage("vm2", "a", 1.5, 512, 12))));
        assertThat(m.host("a").orElseThrow().cpuUsedCores()).isEqualTo(3.5);
        assertThat(m.host("a").orElseThrow().throttledFraction()).isEqualTo(0.2);
        assertThat(m.vm("vm1").orElseThrow().cpuUsedCores()).isEqualTo(0.95);
        assertThat(m.vm("vm1").orElseThrow().dirtyRateMiBPerSec()).isEqualTo(40);
        assertThat(m.vm("vm2").orElseThrow().dirtyRateMiBPerSec()).isEqualTo(12);
        assertThat(m.host("b")).isEqualTo(c.host("b"));
    }

    @Test
    void findsTheVersionThatFixesAnAttackedPath() {
        assertThat(WEB.isVulnerable("1.0", "/search")).isTrue();
        assertThat(WEB.fixFor("1.0", "/search")).contains("1.1");
        // the patched version is itself vulnerable on /admin: the newest other one that is not
        assertThat(WEB.fixFor("1.1", "/admin")).contains("1.0");
        assertThat(new ServiceState("x", "x", Criticality.LOW, List.of(new ServiceVersion("1", Set.of("/a"))), "", 1, 1)
                .fixFor("1", "/a")).isEmpty();
    }

    @Test
    void countsMigrationsInTheBudgetWindow() {
        VmState v = VmState.of("v", "a", "web", "1.0", 1, 1).migratedTo("b", 100).migratedTo("a", 200).migratedTo("b", 300);
        assertThat(v.lastMigrationMillis()).isEqualTo(300);
        assertThat(v.migrationsSince(150)).isEqualTo(2);
        assertThat(VmState.of("w", "a", "web", "1.0", 1, 1).lastMigrationMillis()).isEqualTo(VmState.NEVER);
    }
}
