package org.vmshield.sim.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * What one pool's balancer has seen of its sources over time: the distinct sources of its recent
 * window ({@code SourceStats.recentSources}) and the sources per second it has never seen
 * ({@code newSourcesPerSec}), from the pool's source groups tick after tick.
 *
 * <p>Each source of a group sends as a Poisson process at the group's rate per source while the
 * group is on, so a source is seen in a span of on-time T with probability 1 − e^(−λT): a group of
 * N that turns on shows N (1 − e^(−λt)) after t, all of them new, and a group that stops stays
 * counted until the window has slid past its last requests. Both figures come from the same
 * exposure, so a group's requests beyond its first ones over its sources seen are its own rate per
 * source at any age, as they are at the real balancer. The service's own clients (the resident
 * group) were there before the run: a steady population of which {@link SourceView#LEGIT_CHURN_PER_SEC}
 * is replaced every second.
 */
final class SourceWindow {
    /** Slice length of the balancer's window ({@code RecentSources.DEFAULT_SLICE_MILLIS} in module balancer). */
    static final long SLICE_MILLIS = 5_000;
    /** Slices of the balancer's window ({@code RecentSources.DEFAULT_SLICES}): it covers 25 to 30 s. */
    static final int SLICES = 6;
    /**
     * A source unseen this long counts as new again (the balancer forgets it after one to two
     * generations of {@code SourceTelemetry.DEFAULT_SEEN_GENERATION_MILLIS}; the shorter is taken).
     */
    static final long SEEN_GENERATION_MILLIS = 600_000;

    private final List<Tracked> tracked = new ArrayList<>();
    private long lastMillis;
    private double recent;
    private double newPerSec;

    /** A group that is not resident, while the balancer remembers it. */
    private static final class Tracked {
        final String prefix;
        int count;
        double rpsEach;
        /** Expected requests per source since the balancer last forgot the group (λ × on-time). */
        double exposure;
        long lastOnMillis;
        long touchedAtMillis = Long.MIN_VALUE;
        /** On-intervals that may still overlap the window: {@code [starts[i], ends[i]]}, oldest first. */
        long[] starts = new long[4];
        long[] ends = new long[4];
        int intervals;

        Tracked(String prefix) {
            this.prefix = prefix;
        }

        void markOn(long fromMillis, long toMillis) {
            if (intervals > 0 && ends[intervals - 1] >= fromMillis) {
                ends[intervals - 1] = Math.max(ends[intervals - 1], toMillis);
                return;
            }
            if (intervals == starts.length) {
                starts = java.util.Arrays.copyOf(starts, intervals * 2);
                ends = java.util.Arrays.copyOf(ends, intervals * 2);
            }
            starts[intervals] = fromMillis;
            ends[intervals] = toMillis;
            intervals++;
        }

        /** Forgets intervals that ended before {@code fromMillis}; returns the on-time after it, in ms. */
        long onMillisSince(long fromMillis) {
            int drop = 0;
            while (drop < intervals && ends[drop] <= fromMillis) {
                drop++;
            }
            if (drop > 0) {
                System.arraycopy(starts, drop, starts, 0, intervals - drop);
                System.arraycopy(ends, drop, ends, 0, intervals - drop);
                intervals -= drop;
            }
            long on = 0;
            for (int i = 0; i < intervals; i++) {
                on += ends[i] - Math.max(starts[i], fromMillis);
            }
            return on;
        }
    }

    /** Returns the length of the balancer's window read at {@code nowMillis}: five full slices and the current one's age. */
    static long windowMillis(long nowMillis) {
        return (SLICES - 1) * SLICE_MILLIS + Math.floorMod(nowMillis, SLICE_MILLIS);
    }

    /**
     * Accounts for the tick that ends at {@code nowMillis} (since the previous call, or since 0), in
     * which {@code groups} were on.
     */
    void update(List<SourceGroup> groups, long nowMillis) {
        long dtMillis = nowMillis - lastMillis;
        if (dtMillis <= 0) {
            throw new IllegalArgumentException("nowMillis: " + nowMillis + " (expected: > " + lastMillis + ")");
        }
        lastMillis = nowMillis;
        double dtSec = dtMillis / 1000.0;
        long windowMillis = windowMillis(nowMillis);
        double windowSec = windowMillis / 1000.0;
        recent = 0;
        newPerSec = 0;
        for (int i = 0, n = groups.size(); i < n; i++) {
            SourceGroup g = groups.get(i);
            if (g.resident) {
                recent += residentSeen(g.count, g.rpsEach, windowSec);
                newPerSec += g.count * SourceView.LEGIT_CHURN_PER_SEC;
                continue;
            }
            Tracked t = find(g.prefix);
            if (t.touchedAtMillis == nowMillis) {
                t.count = Math.max(t.count, g.count); // another group with the same addresses: the same sources
                t.rpsEach = Math.max(t.rpsEach, g.rpsEach);
                continue;
            }
            t.touchedAtMillis = nowMillis;
            t.count = g.count;
            t.rpsEach = g.rpsEach;
            t.lastOnMillis = nowMillis;
            t.markOn(nowMillis - dtMillis, nowMillis);
            double before = t.exposure;
            t.exposure += g.rpsEach * dtSec;
            newPerSec += g.count * (Math.exp(-before) - Math.exp(-t.exposure)) / dtSec;
        }
        long from = nowMillis - windowMillis;
        for (int i = tracked.size() - 1; i >= 0; i--) {
            Tracked t = tracked.get(i);
            if (nowMillis - t.lastOnMillis >= SEEN_GENERATION_MILLIS) {
                tracked.remove(i); // forgotten: new again when it comes back
                continue;
            }
            long on = t.onMillisSince(from);
            if (on > 0) {
                recent += t.count * -Math.expm1(-t.rpsEach * on / 1000.0);
            }
        }
    }

    /**
     * Returns the residents seen over a window: of N, N (1 − cW) were there all along, seen with
     * probability 1 − e^(−λW); N c W left and as many came during it, each there for a uniform share
     * of it, seen with probability 1 − (1 − e^(−λW)) / (λW).
     */
    static double residentSeen(int count, double rpsEach, double windowSec) {
        double x = rpsEach * windowSec;
        if (!(x > 0)) {
            return 0;
        }
        double churned = Math.min(1, SourceView.LEGIT_CHURN_PER_SEC * windowSec);
        double seenAllAlong = -Math.expm1(-x);
        double seenPart = 1 + Math.expm1(-x) / x;
        return count * ((1 - churned) * seenAllAlong + 2 * churned * seenPart);
    }

    private Tracked find(String prefix) {
        for (int i = 0, n = tracked.size(); i < n; i++) {
            Tracked t = tracked.get(i);
            if (t.prefix.equals(prefix)) {
                return t;
            }
        }
        Tracked t = new Tracked(prefix);
        tracked.add(t);
        return t;
    }

    /** Returns the distinct sources seen over the window, as of the last update. */
    double recent() {
        return recent;
    }

    /** Returns the sources per second seen for the first time (or after being forgotten) in the last tick. */
    double newPerSec() {
        return newPerSec;
    }
}
