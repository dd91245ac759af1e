package org.vmshield.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.brain.Brain;
import org.vmshield.brain.BrainTick;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.sim.scenario.AttackKind;
import org.vmshield.sim.scenario.AttackSpec;
import org.vmshield.sim.scenario.Scenario;

/**
 * The balancer's recent-source window through the real brain, on the paper's topology (web's 300
 * clients at 1 req/s each): bots a little faster than the clients pass one tick's crowd test but
 * not the window's; newcomers at the clients' own rate are a crowd.
 */
class RecentSourcesScenarioTest {
    static final long START = 60_000;

    @Test
    void botsFasterThanTheClientsAreAFloodOnceTheWindowHasSeenThem() {
        // 500 bots at 1.4 req/s on /: per tick, 1.4 per source is under the crowd test's 1.5 x the clients' rate
        List<Incident> opened = opened(new AttackSpec(AttackKind.FLOOD, List.of("web"), START / 1000.0, 60, 700, 500, "/",
                null, null, null));
        Incident flood = opened.stream().filter(i -> i.kind() == IncidentKind.VOLUMETRIC_FLOOD
                && i.target().pool().equals("web")).findFirst().orElseThrow();
        assertThat(flood.startMillis() - START).as("a flood once the window holds the bots").isBetween(0L, 5_000L);
        assertThat(flood.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo("pool.surgeRepeatsPerSecPerRecentSource");
            assertThat(e.observed()).isGreaterThan(e.threshold());
        });
    }

    @Test
    void newcomersAtTheClientsRateStayACrowd() {
        List<Incident> opened = opened(new AttackSpec(AttackKind.FLASH_CROWD, List.of("web"), START / 1000.0, 60, 700, 700, "/",
                null, null, null));
        assertThat(opened).anyMatch(i -> i.kind() == IncidentKind.FLASH_CROWD && i.target().pool().equals("web"));
        assertThat(opened).noneMatch(i -> i.kind() == IncidentKind.VOLUMETRIC_FLOOD);
    }

    /** Returns the incidents opened in a run of the paper's topology with {@code attack} only, without mitigation. */
    private static List<Incident> opened(AttackSpec attack) {
        Scenario s = TestScenarios.paperWithoutFlaws(List.of(attack), null);
        List<BrainTick> ticks = new ArrayList<>();
        new Simulation(s, SimOptions.of(1).withDurationMillis(150_000).withMitigation(false), Brain.withDefaults(), ticks).run();
        List<Incident> out = new ArrayList<>();
        for (BrainTick t : ticks) {
            out.addAll(t.detection().opened());
        }
        return out;
    }
}
