package org.vmshield.demo.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.attack.AttackProfiles;
import org.vmshield.hypervisor.cluster.NetworkMode;

/** The scenario's plan, timeline and topology: every attack kind builds, inside its window, at the demo's rates. */
class LoadSizingTest {
    @Test
    void everyAttackKindGivesAPlanWithTheAttackOverTheMiddleHalf() {
        Timeline t = Timeline.of(60_000);
        assertThat(t.onsetMillis()).isEqualTo(15_000);
        assertThat(t.endMillis()).isEqualTo(45_000);
        for (String kind : AttackProfiles.NAMES) {
            LoadPlan plan = LoadSizing.plan(kind, "http://127.0.0.1:1", "http://127.0.0.1:2", t, 1);
            assertThat(plan.attacks()).singleElement().satisfies(a -> {
                assertThat(a.profile().name()).isEqualTo(kind);
                assertThat(a.service()).isEqualTo(DemoTopology.ATTACKED);
                assertThat(a.startMillis()).isEqualTo(15_000);
                assertThat(a.durationMillis()).isEqualTo(30_000);
            });
            assertThat(plan.service(DemoTopology.CRITICAL).legitRateRps()).isEqualTo(LoadSizing.LEGIT_RPS);
        }
    }

    @Test
    void mixedIsAFloodPlusACostAttack() {
        assertThat(LoadSizing.profile("mixed").toString()).contains("HttpFlood", "CostAttack");
        assertThat(LoadSizing.params("mixed").rateRps()).isEqualTo(LoadSizing.MIXED_FLOOD_RPS);
        assertThat(LoadSizing.params("mixed").costRateRps()).isEqualTo(LoadSizing.COST_RPS);
    }

    @Test
    void refusesAnUnknownAttack() {
        assertThatThrownBy(() -> LoadSizing.profile("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: one of");
    }

    @Test
    void topologyPutsBothVmsOnTheSmallHostAndLeavesRoomOnTheBigOne() {
        var c = DemoTopology.config(NetworkMode.USER, false, Path.of("j.db"));
        assertThat(c.vms()).allSatisfy(v -> assertThat(v.host()).isEqualTo(DemoTopology.SMALL));
        assertThat(c.host(DemoTopology.BIG).orElseThrow().cpuCores())
                .isGreaterThan(c.host(DemoTopology.SMALL).orElseThrow().cpuCores());
        assertThat(c.service(DemoTopology.ATTACKED).orElseThrow().patchedVersion()).isEqualTo("v2");
        assertThat(DemoTopology.config(NetworkMode.USER, true, Path.of("j.db")).dryRun()).isTrue();
        assertThat(DemoTopology.cluster(c).hosts()).hasSize(3);
    }

    @Test
    void settingsRefuseBadValues() {
        assertThatThrownBy(() -> new DemoSettings("mixed", 1_000, true, NetworkMode.USER, 1))
                .hasMessageContaining("expected: 30...1800 s");
        assertThatThrownBy(() -> new DemoSettings("x", 60_000, true, NetworkMode.USER, 1))
                .hasMessageContaining("expected: one of");
    }
}
