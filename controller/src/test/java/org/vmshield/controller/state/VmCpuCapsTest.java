package org.vmshield.controller.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.controller.testing.Fixtures;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationListener;
import org.vmshield.hypervisor.VmSpec;

class VmCpuCapsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @TempDir Path dir;

    @Test
    void capsTheCriticalVmsNeighbourBelowItsHostAndNothingElse() {
        ControllerConfig config = Fixtures.config(dir); // small: 1 core, big and spare: 2
        FakeHypervisor hv = Fixtures.hypervisor(config);
        VmCpuCaps caps = new VmCpuCaps(config, hv);
        hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "small"));
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "small"));
        hv.place(new VmSpec("web-2", "web", "v1", 1, 256, "big"));

        caps.apply(hv.vms());

        assertThat(hv.vmCaps).containsOnlyKeys("web-1");
        assertThat(hv.vmCaps.get("web-1")).isCloseTo(1 - VmCpuCaps.RESERVE_CORES_PER_CRITICAL_VM, within(1e-9));
        hv.vmCaps.clear();
        caps.apply(hv.vms());
        assertThat(hv.vmCaps).as("in force already").isEmpty();
    }

    @Test
    void theReserveGrowsWithCriticalVmsButNeverTakesMoreThanHalfTheHost() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        VmCpuCaps caps = new VmCpuCaps(config, hv);
        hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "small"));
        for (int i = 1; i <= 8; i++) {
            hv.place(new VmSpec("crit-" + i, "critical", "v1", 1, 64, "small"));
        }

        assertThat(caps.desired(hv.vms()).get("web-1")).isCloseTo(1 * VmCpuCaps.MIN_CAP_SHARE, within(1e-9));
        assertThat(caps.desired(hv.vms()).get("crit-1")).isInfinite();
    }

    @Test
    void aVmThatMigratesAwayArrivesUncappedAndIsNotAskedAgain() throws Exception {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        VmCpuCaps caps = new VmCpuCaps(config, hv);
        hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "small"));
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "small"));
        caps.apply(hv.vms());
        assertThat(hv.capRequests).hasValue(1);

        hv.migrate("web-1", "big", MigrationOptions.defaults(), MigrationListener.none()).result().get();
        caps.apply(hv.vms());

        assertThat(hv.capRequests).as("uncapped where it arrived: nothing to do").hasValue(1);
        assertThat(caps.desired(hv.vms())).containsEntry("web-1", INF);
    }

    @Test
    void aCriticalVmArrivingCapsItsNewNeighbour() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        VmCpuCaps caps = new VmCpuCaps(config, hv);
        hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "big"));
        caps.apply(hv.vms());
        assertThat(hv.vmCaps).isEmpty();

        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "big"));
        caps.apply(hv.vms());
        assertThat(hv.vmCaps).isEqualTo(Map.of("web-1", 2 - VmCpuCaps.RESERVE_CORES_PER_CRITICAL_VM));

        hv.stop("crit-1");
        caps.apply(hv.vms());
        assertThat(hv.vmCaps).as("its critical neighbour gone: the cap is lifted").isEqualTo(Map.of("web-1", INF));
    }

    @Test
    void aRefusedCapIsNotAskedForAgainEveryTick() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        hv.refuseCap = true;
        VmCpuCaps caps = new VmCpuCaps(config, hv);
        hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "small"));
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "small"));

        caps.apply(hv.vms());
        caps.apply(hv.vms());

        assertThat(hv.capRequests).hasValue(1);
        assertThat(hv.vmCaps).isEmpty();
    }
}
