package org.vmshield.demo.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vmshield.demo.scenario.DemoTopology;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;

class TargetCheckTest {
    private static final String MIGRATED = "attacked VM migrated <= 10 s after onset";

    @Test
    void theMixedAttackMissesTheMigrationTargetWhenTheAttackedVmDidNotMove() {
        List<Target> targets = TargetCheck.check(run("mixed"), OptionalDouble.empty());

        assertThat(targets).filteredOn(t -> t.name().equals(MIGRATED)).singleElement()
                .satisfies(t -> assertThat(t.met()).isFalse());
    }

    @Test
    void checksTheMigrationWhenItHappenedAndLeavesItOutForAKindAnsweredWithoutOne() {
        assertThat(TargetCheck.check(run("mixed"), OptionalDouble.of(2.0)))
                .filteredOn(t -> t.name().equals(MIGRATED)).singleElement().satisfies(t -> assertThat(t.met()).isTrue());
        assertThat(TargetCheck.check(run("cost"), OptionalDouble.of(12.0)))
                .filteredOn(t -> t.name().equals(MIGRATED)).singleElement().satisfies(t -> assertThat(t.met()).isFalse());
        assertThat(TargetCheck.check(run("cost"), OptionalDouble.empty())).extracting(Target::name).doesNotContain(MIGRATED);
    }

    /** A 20 s run, attack from 5 s to 15 s, a rule in force at 6 s; every request answered in 5 ms. */
    private static RunRecord run(String attack) {
        RunRecord.Builder b = RunRecord.builder().scenario("canonical").attackKind(attack).mitigation(true)
                .durationMs(20_000).attackWindow(5_000, 15_000)
                .addEvent(5_500, EventKind.INCIDENT_OPENED, "cost attack on pool=attacked")
                .addEvent(5_600, EventKind.ACTION_STARTED, "rule r1")
                .addEvent(6_000, EventKind.ACTION_FINISHED, "rule r1")
                .detectionSeconds(0.5).firstActionSeconds(0.6);
        for (int s = 0; s < 20; s++) {
            b.addServiceSecond(DemoTopology.CRITICAL, new ServiceSecond(s, 10, 10, 0, 5, 5));
            b.addServiceSecond(DemoTopology.ATTACKED, new ServiceSecond(s, 10, 10, 0, 5, 5));
        }
        return b.build();
    }
}
