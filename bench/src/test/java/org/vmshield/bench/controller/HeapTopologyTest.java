package org.vmshield.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.HostDecl;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.hypervisor.qemu.QemuHypervisor;

class HeapTopologyTest {
    @Test
    void spreadsTwentyVmsOverFourHostsAndFourServices() {
        ControllerConfig c = HeapTopology.config(HeapBenchSettings.defaults(), Path.of("j.db"));
        assertThat(c.vms()).hasSize(20);
        assertThat(c.vms().stream().map(VmDecl::name).distinct()).hasSize(20);
        assertThat(count(c, VmDecl::host)).containsOnlyKeys("heapbench-1", "heapbench-2", "heapbench-3", "heapbench-4")
                .allSatisfy((host, n) -> assertThat(n).isEqualTo(5L));
        assertThat(count(c, VmDecl::service)).hasSize(4).allSatisfy((service, n) -> assertThat(n).isEqualTo(5L));
        assertThat(c.tickMillis()).isEqualTo(ControllerConfig.DEFAULT_TICK_MILLIS).isEqualTo(500);
        assertThat(c.dryRun()).isFalse();
    }

    @Test
    void everyHostHasRoomForItsGuestsAndTheirQemuOverhead() {
        HeapBenchSettings s = new HeapBenchSettings(7, 60, 128, 256, 4, 2);
        ControllerConfig c = HeapTopology.config(s, Path.of("j.db"));
        Map<String, Long> perHost = count(c, VmDecl::host);
        assertThat(perHost).containsExactlyInAnyOrderEntriesOf(Map.of("heapbench-1", 4L, "heapbench-2", 3L));
        for (HostDecl h : c.hosts()) {
            long need = perHost.get(h.name()) * (256 + QemuHypervisor.QEMU_OVERHEAD_MIB);
            assertThat(h.memoryMiB()).isGreaterThanOrEqualTo(need);
        }
        // replicas pinned to what is configured: the brain neither scales the VM count in nor out
        c.services().forEach(svc -> assertThat(svc.minReplicas()).isEqualTo(svc.maxReplicas())
                .isEqualTo(count(c, VmDecl::service).get(svc.name()).intValue()));
    }

    @Test
    void oneVmMakesOneHostAndOneService() {
        ControllerConfig c = HeapTopology.config(new HeapBenchSettings(1, 60, 128, 128, 1, 2), Path.of("j.db"));
        assertThat(c.hosts()).hasSize(1);
        assertThat(c.services()).hasSize(1);
        assertThat(HeapTopology.cluster(c).hosts()).hasSize(1);
    }

    private static Map<String, Long> count(ControllerConfig c, Function<VmDecl, String> key) {
        return c.vms().stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
