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

class VmCpuPrioritiesTest {
    @TempDir Path dir;

    @Test
    void putsCriticalVmsFirstOnceAndLeavesTheOthersAtTheDefault() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        VmCpuPriorities priorities = new VmCpuPriorities(config, hv);
        hv.place(new VmSpec("web-1", "web", "v1", 2, 256, "small"));
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "small"));

        priorities.apply(hv.vms());
        assertThat(hv.vmNice).isEqualTo(Map.of("crit-1", VmCpuPriorities.CRITICAL_NICE));

        hv.vmNice.clear();
        priorities.apply(hv.vms());
        assertThat(hv.vmNice).as("in force already (the hypervisor keeps it across migrations)").isEmpty();
    }

    @Test
    void aCriticalVmStartedAgainUnderTheSameNameGetsItAgain() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        VmCpuPriorities priorities = new VmCpuPriorities(config, hv);
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "small"));
        priorities.apply(hv.vms());
        hv.stop("crit-1");
        priorities.apply(hv.vms()); // gone: forgotten
        hv.vmNice.clear();

        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "big"));
        priorities.apply(hv.vms());

        assertThat(hv.vmNice).isEqualTo(Map.of("crit-1", VmCpuPriorities.CRITICAL_NICE));
    }

    @Test
    void aRefusedPriorityIsNotAskedForAgainEveryTick() {
        ControllerConfig config = Fixtures.config(dir);
        FakeHypervisor hv = Fixtures.hypervisor(config);
        hv.refusePriority = true;
        VmCpuPriorities priorities = new VmCpuPriorities(config, hv);
        hv.place(new VmSpec("crit-1", "critical", "v1", 1, 256, "small"));

        priorities.apply(hv.vms());
        priorities.apply(hv.vms());

        assertThat(hv.priorityRequests).hasValue(1);
        assertThat(hv.vmNice).isEmpty();
    }
}
