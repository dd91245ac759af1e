package org.vmshield.load.stats;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.vmshield.load.FailureKind;
import org.vmshield.load.TrafficClass;

/** Aggregates the per-second series over a time window, so a caller can cut a run into phases. */
public final class Windows {
    private Windows() {}

    /**
     * Returns the figures of {@code cls} on {@code service} over the seconds whose midpoint lies in
     * [{@code fromMillis}, {@code toMillis}); {@link ClassStats#EMPTY} if there are none.
     * Status counts and sources are not kept per second, so the result's {@code statusCounts} is
     * empty and its {@code sources} and {@code refusedSources} are 0;
     * {@code connections.peakHeld} is the most held at a second's end.
     */
    public static ClassStats window(List<SecondFigures> series, String service, TrafficClass cls,
                                    long fromMillis, long toMillis) {
        long requests = 0;
        long successes = 0;
        long peakHeld = 0;
        Map<FailureKind, Long> failures = new EnumMap<>(FailureKind.class);
        Histogram latency = new Histogram(StatsRecorder.HIGHEST_MICROS, 2);
        for (SecondFigures f : series) {
            long mid = (f.startMillis() + f.endMillis()) / 2;
            SecondStats s = f.stats(service, cls);
            if (s == null || mid < fromMillis || mid >= toMillis) {
                continue;
            }
            requests += s.requests();
            successes += s.successes();
            peakHeld = Math.max(peakHeld, s.connectionsHeld());
            s.failures().forEach((k, v) -> failures.merge(k, v, Long::sum));
            latency.add(s.decodeLatency());
        }
        if (requests == 0 && peakHeld == 0) {
            return ClassStats.EMPTY;
        }
        return new ClassStats(requests, successes, failures, Map.of(),
                requests == 0 ? 1.0 : (double) successes / requests, LatencySummary.of(latency),
                new ConnectionStats(0, 0, 0, peakHeld), 0, 0);
    }
}
