package org.vmshield.brain.incident;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A detected attack (or flash crowd) as of one tick. Immutable: the engine publishes a new record
 * every tick the incident changes.
 *
 * @param id deterministic id {@code KIND:targetKey@startMillis}, e.g.
 *     {@code VOLUMETRIC_FLOOD:pool=web@120000}; the same telemetry always yields the same ids
 * @param kind what it is
 * @param target what it is about
 * @param startMillis time of the first bad tick of the streak that opened it (the onset)
 * @param lastSeenMillis time of the latest tick in which a detector still saw it
 * @param state where it is in its life
 * @param stateSinceMillis when it entered that state
 * @param resolvedMillis when it was resolved, or -1 while not resolved
 * @param holdDownMillis quiet time after {@code lastSeenMillis} before it resolves (grows when the
 *     same target keeps coming back, so a pulsing attack does not flap)
 * @param severity the latest severity
 * @param peakSeverity the worst severity seen since it opened
 * @param confidence the latest confidence (0..1)
 * @param evidence the latest numbers behind it (never empty)
 * @param sources suspected sources from the latest bad tick, most active first
 * @param sourceSpread whether few or many sources carry it
 * @param paths suspected paths from the latest bad tick, costliest first
 * @param saturation for {@link IncidentKind#SATURATION}: VM at its cap, its host, the neighbours hurt
 */
public record Incident(
        String id,
        IncidentKind kind,
        IncidentTarget target,
        long startMillis,
        long lastSeenMillis,
        IncidentState state,
        long stateSinceMillis,
        long resolvedMillis,
        long holdDownMillis,
        Severity severity,
        Severity peakSeverity,
        double confidence,
        List<Evidence> evidence,
        List<SuspectedSource> sources,
        SourceSpread sourceSpread,
        List<SuspectedPath> paths,
        Optional<SaturationDetail> saturation) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(peakSeverity, "peakSeverity");
        Objects.requireNonNull(sourceSpread, "sourceSpread");
        Objects.requireNonNull(saturation, "saturation");
        evidence = List.copyOf(evidence);
        sources = List.copyOf(sources);
        paths = List.copyOf(paths);
    }

    /** Returns the deterministic id of an incident of {@code kind} on {@code target} starting at {@code startMillis}. */
    public static String idOf(IncidentKind kind, IncidentTarget target, long startMillis) {
        return kind.name() + ':' + target.key() + '@' + startMillis;
    }

    /** Returns true for an attack (anything but a flash crowd). */
    public boolean isAttack() {
        return kind.isAttack();
    }

    /** Returns true while the incident is open or being mitigated. */
    public boolean isActive() {
        return state != IncidentState.RESOLVED;
    }
}
