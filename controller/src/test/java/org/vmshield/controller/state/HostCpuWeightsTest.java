package org.vmshield.controller.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.controller.testing.Fixtures;
import org.vmshield.hypervisor.VmSpec;

class HostCpuWeightsTest {
    @TempDir Path dir;

    @Test
    void weighsAHostByTheCriticalVmsItCarriesAndFollowsThemWhenTheyMove() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        HostCpuWeights weights = new HostCpuWeights(config, hv);
        hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "small"));
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "small"));

        weights.apply(hv.vms());
        assertThat(hv.cpuShares).isEqualTo(Map.of("small", 4096L, "big", 1024L, "spare", 1024L));

        hv.stop("crit-1");
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "big"));
        weights.apply(hv.vms());
        assertThat(hv.cpuShares).isEqualTo(Map.of("small", 1024L, "big", 4096L, "spare", 1024L));
    }

    @Test
    void writesOnlyTheWeightsThatChanged() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        HostCpuWeights weights = new HostCpuWeights(config, hv);
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "spare"));
        weights.apply(hv.vms());
        hv.cpuShares.clear();

        weights.apply(hv.vms());

        assertThat(hv.cpuShares).isEmpty();
    }
}
