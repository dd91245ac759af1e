package org.vmshield.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmshield.sim.scenario.DatacenterGenerator;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.ScenarioLoader;

class DeterminismTest {
    @Test
    void sameSeedGivesIdenticalResults() {
        SimOptions opts = SimOptions.of(7).withDurationMillis(150_000);
        SimResult a = new Simulation(ScenarioLoader.paper(), opts).run();
        SimResult b = new Simulation(ScenarioLoader.paper(), opts).run();
        assertThat(TestScenarios.withoutWallTime(a)).isEqualTo(TestScenarios.withoutWallTime(b));
        assertThat(a.actions()).isNotEmpty(); // the run did something worth comparing
    }

    @Test
    void anotherSeedChangesTheNoise() {
        SimResult a = new Simulation(ScenarioLoader.paper(), SimOptions.of(1).withDurationMillis(60_000)).run();
        SimResult b = new Simulation(ScenarioLoader.paper(), SimOptions.of(2).withDurationMillis(60_000)).run();
        assertThat(a.groups().get(0).legitRequests()).isNotEqualTo(b.groups().get(0).legitRequests());
    }

    @Test
    void generatedDatacenterIsIdenticalForTheSameSeed() {
        DatacenterGenerator.Settings s = new DatacenterGenerator.Settings(30, 200, 0, 6, 300, 5);
        Scenario x = DatacenterGenerator.generate(s);
        assertThat(x).isEqualTo(DatacenterGenerator.generate(s));
        SimOptions opts = SimOptions.of(5);
        assertThat(TestScenarios.withoutWallTime(new Simulation(x, opts).run()))
                .isEqualTo(TestScenarios.withoutWallTime(new Simulation(DatacenterGenerator.generate(s), opts).run()));
    }
}
