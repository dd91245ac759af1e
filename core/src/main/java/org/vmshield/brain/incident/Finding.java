package org.vmshield.brain.incident;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one detector saw wrong with one target in one tick: the raw material of an incident. A
 * finding alone opens nothing; {@link IncidentLifecycle} opens an incident after enough consecutive
 * findings of the same kind on the same target.
 *
 * @param kind what was seen
 * @param target on what
 * @param severity how bad, this tick
 * @param confidence how sure the detector is (0..1)
 * @param evidence the numbers (never empty)
 * @param sources suspected sources, most active first
 * @param sourceSpread how the traffic is spread over sources
 * @param paths suspected paths, costliest first
 * @param saturation for {@link IncidentKind#SATURATION}, the VM, its host and the neighbours hurt
 */
public record Finding(
        IncidentKind kind,
        IncidentTarget target,
        Severity severity,
        double confidence,
        List<Evidence> evidence,
        List<SuspectedSource> sources,
        SourceSpread sourceSpread,
        List<SuspectedPath> paths,
        Optional<SaturationDetail> saturation) {
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(sourceSpread, "sourceSpread");
        Objects.requireNonNull(saturation, "saturation");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence: %s (expected: 0..1)".formatted(confidence));
        }
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("evidence: empty (expected: at least one number behind a finding)");
        }
        sources = List.copyOf(sources);
        paths = List.copyOf(paths);
        if (kind == IncidentKind.SATURATION && saturation.isEmpty()) {
            throw new IllegalArgumentException("saturation: empty (expected: a detail for a SATURATION finding)");
        }
    }

    /** Returns the key that identifies the incident this finding feeds: kind and target. */
    public String incidentKey() {
        return kind.name() + ':' + target.key();
    }
}
