package org.vmshield.controller.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.model.VmRunState;
import org.vmshield.brain.model.VmState;
import org.vmshield.brain.model.WeightSetting;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.controller.testing.Fixtures;
import org.vmshield.hypervisor.VmSpec;

class ClusterStateBuilderTest {
    @TempDir Path dir;
    private ControllerConfig config;
    private FakeHypervisor hv;

    @BeforeEach
    void setUp() {
        config = Fixtures.config(dir);
        hv = Fixtures.hypervisor(config);
    }

    @AfterEach
    void tearDown() {
        hv.close();
    }

    @Test
    void buildsHostsVmsServicesAndControlState() {
        ControlState control = new ControlState(null);
        for (VmDecl d : config.vms()) {
            hv.start(new VmSpec(d.name(), d.service(), d.version(), d.vcpus(), d.memoryMiB(), d.host()));
            control.putVm(d);
        }
        hv.start(new VmSpec("stray", "unknown-service", "v1", 1, 128, "big"));
        FilterRule rule = new FilterRule("r1", RuleKind.RATE_LIMIT_PATH, "web", "/search", 5, "inc", 99_000);
        control.putRule(rule);
        control.putWeight(new WeightSetting("web", "web-1", 10, 100, "inc"));
        control.begin(new InFlightAction("a1", InFlightKind.MIGRATION, "web-1", "small", "big", "inc", 5));
        control.recordMigration("web-1", 5);

        ClusterState s = new ClusterStateBuilder(hv, config, control).build();

        assertThat(s.hosts()).extracting(h -> h.name()).containsExactly("small", "big", "spare");
        assertThat(s.host("small").orElseThrow().labels()).containsExactly("small");
        assertThat(s.host("big").orElseThrow().cpuCapacityCores()).isEqualTo(2.0);
        assertThat(s.vms()).extracting(VmState::name).containsExactly("web-1", "crit-1");
        VmState web = s.vm("web-1").orElseThrow();
        // 2 vCPUs on a 1-core host: it can take at most the host's core.
        assertThat(web.cpuCapCores()).isEqualTo(1.0);
        assertThat(web.version()).isEqualTo("v1");
        assertThat(web.state()).isEqualTo(VmRunState.RUNNING);
        assertThat(web.migrationTimesMillis()).containsExactly(5L);
        assertThat(s.vm("crit-1").orElseThrow().criticality()).isEqualTo(Criticality.CRITICAL);
        assertThat(s.service("web").orElseThrow().patchedVersion()).isEqualTo("v2");
        assertThat(s.service("web").orElseThrow().isVulnerable("v1", "/search")).isTrue();
        assertThat(s.service("web").orElseThrow().isVulnerable("v2", "/search")).isFalse();
        assertThat(s.rules()).containsExactly(rule);
        assertThat(s.weights()).extracting(WeightSetting::weight).containsExactly(10);
        assertThat(s.inFlightOn("web-1")).isPresent();
        // web-1 (256 MiB) is on its way to big: its memory is committed there already.
        assertThat(s.committedMemoryMiB("big")).isEqualTo(256);
        assertThat(s.bandwidth().defaultMiBPerSec()).isEqualTo(300.0);
    }
}
