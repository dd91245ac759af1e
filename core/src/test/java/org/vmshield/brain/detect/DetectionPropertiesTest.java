package org.vmshield.brain.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vmshield.brain.incident.DetectionResult;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentKind;
import org.vmshield.model.telemetry.TelemetrySnapshot;

/** Invariants over random attack sequences: determinism, and no incident without evidence. */
class DetectionPropertiesTest {
    enum Attack { NONE, CONCENTRATED, DISTRIBUTED, COST, SLOWLORIS, FLASH, PULSE }

    static final int TICKS = 100;

    static List<TelemetrySnapshot> sequence(Attack attack, int onset, int duration, int magnitude, long seed) {
        List<String> bots = SyntheticPool.attackers(attack == Attack.DISTRIBUTED ? 500 + magnitude * 10 : 1 + magnitude % 8);
        List<TelemetrySnapshot> out = new ArrayList<>(TICKS);
        for (int i = 0; i < TICKS; i++) {
            boolean on = i >= onset && i < onset + duration && (attack != Attack.PULSE || (i - onset) % 8 < 4);
            SyntheticPool p = SyntheticPool.legit("web", 100 + magnitude, 300, seed * 1000 + i);
            if (on) {
                switch (attack) {
                    case CONCENTRATED, PULSE -> p.flood(bots, 50.0 * magnitude);
                    case DISTRIBUTED -> p.flood(bots, 2 + magnitude / 10.0);
                    case COST -> p.costly("/search", 20 + 5.0 * magnitude, "127.66.9.9", 1 + magnitude / 20.0);
                    case SLOWLORIS -> p.slowloris("127.66.7.7", 10L * magnitude);
                    case FLASH -> p.flashCrowd(30 * magnitude, i < onset + 3);
                    case NONE -> { }
                }
            }
            out.add(Snapshots.of(i, p.build()));
        }
        return out;
    }

    static List<DetectionResult> run(List<TelemetrySnapshot> seq) {
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        List<DetectionResult> out = new ArrayList<>(seq.size());
        for (TelemetrySnapshot s : seq) {
            out.add(engine.tick(s, VmDirectory.empty()));
        }
        return out;
    }

    @Property(tries = 40)
    void sameSequenceGivesSameIncidents(@ForAll Attack attack, @ForAll @IntRange(min = 15, max = 70) int onset,
            @ForAll @IntRange(min = 1, max = 60) int duration, @ForAll @IntRange(min = 1, max = 100) int magnitude,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<TelemetrySnapshot> seq = sequence(attack, onset, duration, magnitude, seed);

        assertThat(run(seq)).isEqualTo(run(seq));
    }

    @Property(tries = 40)
    void everyIncidentCarriesEvidencePastItsThreshold(@ForAll Attack attack,
            @ForAll @IntRange(min = 15, max = 70) int onset, @ForAll @IntRange(min = 1, max = 60) int duration,
            @ForAll @IntRange(min = 1, max = 100) int magnitude, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<DetectionResult> results = run(sequence(attack, onset, duration, magnitude, seed));

        for (DetectionResult r : results) {
            List<Incident> all = new ArrayList<>(r.active());
            all.addAll(r.resolved());
            for (Incident i : all) {
                assertThat(i.evidence()).as(i.id()).isNotEmpty();
                assertThat(i.evidence()).as(i.id())
                        .anyMatch(e -> e.observed() >= e.threshold() && !Double.isNaN(e.threshold()));
                assertThat(i.confidence()).isBetween(0.0, 1.0);
                assertThat(i.startMillis()).as("no incident before the attack").isGreaterThanOrEqualTo(Snapshots.at(onset));
                if (i.kind() == IncidentKind.FLASH_CROWD) {
                    assertThat(i.sources()).as("a flash crowd names nobody to block").isEmpty();
                }
            }
        }
        if (attack == Attack.FLASH) {
            assertThat(results).allSatisfy(r -> assertThat(r.activeAttacks()).isEmpty());
        }
        if (attack == Attack.NONE) {
            assertThat(results).allSatisfy(r -> assertThat(r.active()).isEmpty());
        }
    }

}
