package org.vmshield.brain.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * What one detection tick produced. Lists are ordered by start time, then id (deterministic).
 *
 * @param atMillis the tick's time
 * @param active every incident open or mitigating after this tick (including those just opened)
 * @param opened incidents opened by this tick (also in {@code active})
 * @param resolved incidents resolved by this tick (state {@link IncidentState#RESOLVED}; not in {@code active})
 */
public record DetectionResult(long atMillis, List<Incident> active, List<Incident> opened, List<Incident> resolved) {
    public DetectionResult {
        active = List.copyOf(active);
        opened = List.copyOf(opened);
        resolved = List.copyOf(resolved);
    }

    /** Returns the active incidents that are attacks (flash crowds left out). */
    public List<Incident> activeAttacks() {
        List<Incident> out = new ArrayList<>(active.size());
        for (Incident i : active) {
            if (i.isAttack()) {
                out.add(i);
            }
        }
        return out;
    }
}
