package org.vmshield.brain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {
    static final HysteresisConfig H = new HysteresisConfig(2, 10_000, 40_000, 60_000);
    static final IncidentTarget WEB = IncidentTarget.pool("web", "web");

    static Finding flood(Severity s) {
        return new Finding(IncidentKind.VOLUMETRIC_FLOOD, WEB, s, 0.8,
                List.of(new Evidence("pool.requestsPerSec", 1000, 100, 5, 300, "rps")), List.of(),
                SourceSpread.CONCENTRATED, List.of(), Optional.empty());
    }

    static Finding cost(String... paths) {
        List<SuspectedPath> named = new java.util.ArrayList<>();
        for (String p : paths) {
            named.add(new SuspectedPath(p, 4, 900, 3, 3600, 0));
        }
        return new Finding(IncidentKind.COST_ATTACK, WEB, Severity.HIGH, 0.9,
                List.of(new Evidence("path meanBackendMillis", 900, 3, 1, 100, "ms")), List.of(),
                SourceSpread.DISTRIBUTED, named, Optional.empty());
    }

    @Test
    void keepsTheSuspectedPathsOfEarlierTicksAfterThoseNamedNow() {
        // once /search is limited it stops showing; right after a migration / was named in its place,
        // and with / alone the incident lost the known-vulnerable path its version switch needs
        IncidentLifecycle l = new IncidentLifecycle(H);
        l.apply(0, List.of(cost("/search")));
        l.apply(1000, List.of(cost("/search")));
        Incident i = l.apply(2000, List.of(cost("/"))).active().get(0);

        assertThat(i.paths()).extracting(SuspectedPath::path).containsExactly("/", "/search");

        String[] many = new String[IncidentLifecycle.MAX_PATHS + 3];
        for (int k = 0; k < many.length; k++) {
            many[k] = "/p" + k;
        }
        assertThat(l.apply(3000, List.of(cost(many))).active().get(0).paths()).hasSize(IncidentLifecycle.MAX_PATHS);
    }

    @Test
    void opensAfterConsecutiveTicksOnlyAndKeepsTheOnsetAsStart() {
        IncidentLifecycle l = new IncidentLifecycle(H);
        assertThat(l.apply(1000, List.of(flood(Severity.LOW))).opened()).isEmpty();
        assertThat(l.apply(2000, List.of()).opened()).isEmpty();
        assertThat(l.apply(3000, List.of(flood(Severity.LOW))).opened()).isEmpty();
        DetectionResult r = l.apply(4000, List.of(flood(Severity.HIGH)));
        assertThat(r.opened()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("VOLUMETRIC_FLOOD:pool=web@3000");
            assertThat(i.startMillis()).isEqualTo(3000);
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.state()).isEqualTo(IncidentState.OPEN);
        });
    }

    @Test
    void resolvesAfterHoldDownAndDoublesItWhenTheTargetComesBack() {
        IncidentLifecycle l = new IncidentLifecycle(H);
        l.apply(0, List.of(flood(Severity.HIGH)));
        l.apply(1000, List.of(flood(Severity.HIGH)));
        assertThat(l.apply(10_999, List.of()).resolved()).isEmpty();
        DetectionResult r = l.apply(11_000, List.of());
        assertThat(r.resolved()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo(IncidentState.RESOLVED);
            assertThat(i.resolvedMillis()).isEqualTo(11_000);
        });
        assertThat(r.active()).isEmpty();

        l.apply(20_000, List.of(flood(Severity.HIGH)));
        Incident again = l.apply(21_000, List.of(flood(Severity.HIGH))).opened().get(0);
        assertThat(again.id()).isEqualTo("VOLUMETRIC_FLOOD:pool=web@20000");
        assertThat(again.holdDownMillis()).isEqualTo(20_000);
        assertThat(l.apply(40_999, List.of()).active()).hasSize(1);
        assertThat(l.apply(41_000, List.of()).resolved()).hasSize(1);
    }

    @Test
    void keepsThePeakSeverityAndMitigatingState() {
        IncidentLifecycle l = new IncidentLifecycle(H);
        l.apply(0, List.of(flood(Severity.CRITICAL)));
        String id = l.apply(1000, List.of(flood(Severity.CRITICAL))).opened().get(0).id();
        assertThat(l.markMitigating(id, 1500)).isTrue();
        Incident i = l.apply(2000, List.of(flood(Severity.LOW))).active().get(0);
        assertThat(i.state()).isEqualTo(IncidentState.MITIGATING);
        assertThat(i.severity()).isEqualTo(Severity.LOW);
        assertThat(i.peakSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(i.lastSeenMillis()).isEqualTo(2000);
    }

    @Test
    void forgetsTargetsThatWentQuiet() {
        IncidentLifecycle l = new IncidentLifecycle(H);
        l.apply(0, List.of(flood(Severity.LOW)));
        assertThat(l.trackedCount()).isEqualTo(1);
        l.apply(1000, List.of());
        assertThat(l.trackedCount()).isZero();
    }

    @Test
    void refusesFindingsWithoutEvidenceOrWithBadConfidence() {
        assertThatThrownBy(() -> new Finding(IncidentKind.VOLUMETRIC_FLOOD, WEB, Severity.LOW, 0.5, List.of(),
                List.of(), SourceSpread.UNKNOWN, List.of(), Optional.empty()))
                .hasMessageContaining("evidence");
        assertThatThrownBy(() -> new Finding(IncidentKind.VOLUMETRIC_FLOOD, WEB, Severity.LOW, 1.5,
                flood(Severity.LOW).evidence(), List.of(), SourceSpread.UNKNOWN, List.of(), Optional.empty()))
                .hasMessageContaining("confidence: 1.5 (expected: 0..1)");
        assertThatThrownBy(() -> new HysteresisConfig(0, 1, 1, 1)).hasMessageContaining("openAfterTicks: 0");
    }
}
