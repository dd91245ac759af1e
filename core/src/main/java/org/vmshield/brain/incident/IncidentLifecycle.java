package org.vmshield.brain.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns per-tick findings into incidents with hysteresis: an incident opens after
 * {@link HysteresisConfig#openAfterTicks()} consecutive ticks with a finding of its kind on its
 * target, stays active while findings keep coming, and resolves after a hold-down of quiet time.
 * A target that comes back soon after resolving gets a doubled hold-down (up to a cap).
 *
 * <p>Deterministic and single-threaded: state is keyed by {@code kind:target} in sorted order, time
 * is what the caller passes in.
 */
public final class IncidentLifecycle {
    /** Most suspected paths an incident keeps. */
    static final int MAX_PATHS = 8;

    private static final Comparator<Incident> ORDER =
            Comparator.comparingLong(Incident::startMillis).thenComparing(Incident::id);
    private static final long NEVER = Long.MIN_VALUE;

    private final HysteresisConfig config;
    private final TreeMap<String, Track> tracks = new TreeMap<>();
    private long tick;
    private long lastAtMillis = NEVER;

    /** Creates a lifecycle with the given hysteresis. */
    public IncidentLifecycle(HysteresisConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * Applies one tick's findings at {@code atMillis} and returns the incidents opened, still
     * active and resolved. Fails when time goes backwards.
     */
    public DetectionResult apply(long atMillis, List<Finding> findings) {
        if (lastAtMillis != NEVER && atMillis < lastAtMillis) {
            throw new IllegalArgumentException(
                    "atMillis: %s (expected: >= previous tick %s)".formatted(atMillis, lastAtMillis));
        }
        lastAtMillis = atMillis;
        tick++;
        for (Finding f : findings) {
            Track t = tracks.computeIfAbsent(f.incidentKey(), k -> new Track());
            if (t.lastBadTick == tick) {
                if (f.severity().compareTo(t.latest.severity()) > 0) {
                    t.latest = f; // two findings on one target in one tick: keep the worse
                }
                continue;
            }
            if (t.lastBadTick != tick - 1) {
                t.streak = 0;
                t.streakStartMillis = atMillis;
            }
            t.streak++;
            t.lastBadTick = tick;
            t.latest = f;
        }
        List<Incident> active = new ArrayList<>();
        List<Incident> opened = new ArrayList<>();
        List<Incident> resolved = new ArrayList<>();
        for (Iterator<Map.Entry<String, Track>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
            Track t = it.next().getValue();
            boolean badNow = t.lastBadTick == tick;
            if (t.incident != null) {
                if (badNow) {
                    t.incident = updated(t.incident, t.latest, atMillis);
                    active.add(t.incident);
                } else if (atMillis - t.incident.lastSeenMillis() >= t.incident.holdDownMillis()) {
                    Incident r = withState(t.incident, IncidentState.RESOLVED, atMillis, atMillis);
                    resolved.add(r);
                    t.incident = null;
                    t.lastResolvedMillis = atMillis;
                } else {
                    active.add(t.incident);
                }
            } else if (badNow && t.streak >= config.openAfterTicks()) {
                boolean comeback = t.lastResolvedMillis != NEVER
                        && atMillis - t.lastResolvedMillis <= config.reopenWindowMillis();
                t.reopens = comeback ? Math.min(t.reopens + 1, 30) : 0;
                long holdDown = Math.min(config.maxHoldDownMillis(), config.holdDownMillis() << t.reopens);
                if (holdDown < config.holdDownMillis()) {
                    holdDown = config.maxHoldDownMillis(); // shifted past the sign bit
                }
                t.incident = opened(t.latest, t.streakStartMillis, atMillis, holdDown);
                opened.add(t.incident);
                active.add(t.incident);
            } else if (!badNow && (t.lastResolvedMillis == NEVER
                    || atMillis - t.lastResolvedMillis > config.reopenWindowMillis())) {
                it.remove(); // nothing open, nothing pending, nothing to remember
            }
        }
        active.sort(ORDER);
        opened.sort(ORDER);
        resolved.sort(ORDER);
        return new DetectionResult(atMillis, active, opened, resolved);
    }

    /**
     * Marks the active incident {@code id} as being mitigated from {@code atMillis} on. Returns
     * false when no active incident has that id; true when it is now (or already was) mitigating.
     */
    public boolean markMitigating(String id, long atMillis) {
        for (Track t : tracks.values()) {
            if (t.incident != null && t.incident.id().equals(id)) {
                if (t.incident.state() == IncidentState.OPEN) {
                    t.incident = withState(t.incident, IncidentState.MITIGATING, atMillis, -1);
                }
                return true;
            }
        }
        return false;
    }

    /** Returns the incidents active now, ordered by start time then id. */
    public List<Incident> active() {
        List<Incident> out = new ArrayList<>();
        for (Track t : tracks.values()) {
            if (t.incident != null) {
                out.add(t.incident);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** Returns the number of targets with state kept (active, pending or recently resolved). */
    public int trackedCount() {
        return tracks.size();
    }

    private static Incident opened(Finding f, long startMillis, long atMillis, long holdDownMillis) {
        return new Incident(Incident.idOf(f.kind(), f.target(), startMillis), f.kind(), f.target(), startMillis,
                atMillis, IncidentState.OPEN, atMillis, -1, holdDownMillis, f.severity(), f.severity(),
                f.confidence(), f.evidence(), f.sources(), f.sourceSpread(), f.paths(), f.saturation());
    }

    private static Incident updated(Incident i, Finding f, long atMillis) {
        return new Incident(i.id(), i.kind(), f.target(), i.startMillis(), atMillis, i.state(), i.stateSinceMillis(),
                -1, i.holdDownMillis(), f.severity(), i.peakSeverity().max(f.severity()), f.confidence(),
                f.evidence(), f.sources(), f.sourceSpread(), keptPaths(f.paths(), i.paths()), f.saturation());
    }

    /**
     * Returns the paths named now, then those named before and not now, at most {@link #MAX_PATHS}.
     * A path stays suspect while its incident lasts: once its limit is in force it stops showing (its
     * crafted requests are refused), and when another path was named in its place right after a
     * migration, the incident lost the known-vulnerable path and its version switch never came.
     */
    static List<SuspectedPath> keptPaths(List<SuspectedPath> now, List<SuspectedPath> before) {
        if (before.isEmpty()) {
            return now;
        }
        List<SuspectedPath> kept = new ArrayList<>(Math.min(MAX_PATHS, now.size() + before.size()));
        for (SuspectedPath p : now) {
            if (kept.size() < MAX_PATHS) {
                kept.add(p);
            }
        }
        for (SuspectedPath p : before) {
            if (kept.size() >= MAX_PATHS) {
                break;
            }
            boolean named = false;
            for (SuspectedPath q : kept) {
                named |= q.path().equals(p.path());
            }
            if (!named) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static Incident withState(Incident i, IncidentState state, long sinceMillis, long resolvedMillis) {
        return new Incident(i.id(), i.kind(), i.target(), i.startMillis(), i.lastSeenMillis(), state, sinceMillis,
                resolvedMillis, i.holdDownMillis(), i.severity(), i.peakSeverity(), i.confidence(), i.evidence(),
                i.sources(), i.sourceSpread(), i.paths(), i.saturation());
    }

    /** Per kind+target state. */
    private static final class Track {
        long lastBadTick = -1;
        int streak;
        long streakStartMillis;
        Finding latest;
        Incident incident;
        long lastResolvedMillis = NEVER;
        int reopens;
    }
}
