package org.vmshield.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.sim.scenario.AttackKind;
import org.vmshield.sim.scenario.AttackSpec;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.ScenarioLoader;
import org.vmshield.sim.world.SimVm;

/** The paper's scenario through the real brain: mitigation protects the critical service. */
class PaperScenarioTest {
    @Test
    void mitigationKeepsTheCriticalServiceFarBetterDuringTheAttack() {
        Scenario paper = ScenarioLoader.paper();
        SimResult on = new Simulation(paper, SimOptions.of(1)).run();
        SimResult off = new Simulation(paper, SimOptions.of(1).withMitigation(false)).run();
        double bankOn = on.group("bank", "attack").orElseThrow().successRate();
        double bankOff = off.group("bank", "attack").orElseThrow().successRate();
        assertThat(off.group("bank", "before").orElseThrow().successRate()).isGreaterThan(0.99);
        assertThat(bankOff).as("the attack hurts the critical neighbour without mitigation").isLessThan(0.8);
        assertThat(bankOn).as("with mitigation").isGreaterThan(0.85).isGreaterThan(bankOff + 0.1);
        assertThat(on.group("bank", "attack").orElseThrow().meanLatencyMillis())
                .isLessThan(off.group("bank", "attack").orElseThrow().meanLatencyMillis() / 10);
        assertThat(on.actions()).containsKey("MigrateVm");
        assertThat(on.migrations().completed()).isPositive();
        assertThat(on.migrations().maxDowntimeMillis()).isLessThanOrEqualTo(300);
        assertThat(off.actions()).isEmpty();
        assertThat(on.detections().get(0).detectedAfterMillis()).as("the flood").isBetween(0L, 2_000L);
    }

    @Test
    void aCostAttackOnAKnownFlawLeadsToAVersionSwitch() {
        Scenario s = TestScenarios.paperWith(List.of(new AttackSpec(AttackKind.COST, List.of("web"), 120, 120, 30, 3, "/search",
                null, null, null)), null);
        Simulation sim = new Simulation(s, SimOptions.of(3).withDurationMillis(300_000));
        SimResult on = sim.run();
        SimResult off = new Simulation(s, SimOptions.of(3).withDurationMillis(300_000).withMitigation(false)).run();
        assertThat(on.detections()).singleElement().satisfies(d -> assertThat(d.incidentKind()).isEqualTo("COST_ATTACK"));
        assertThat(on.actions()).containsKey("SwitchVersion").containsKey("SwitchVersion.completed");
        List<SimVm> web = sim.world().serviceByName.get("web").vms;
        assertThat(web).isNotEmpty().allSatisfy(v -> assertThat(v.version).isEqualTo("1.1"));
        assertThat(on.group("web", "attack").orElseThrow().successRate())
                .isGreaterThan(off.group("web", "attack").orElseThrow().successRate());
    }
}
