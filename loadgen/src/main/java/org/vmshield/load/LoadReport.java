package org.vmshield.load;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.stats.Windows;

/**
 * The outcome of a load run: totals per service and traffic class, and the per-second series
 * (bucketed by the time each request was resolved) from which phases can be cut.
 *
 * @param startedAt the wall-clock time of the run's start
 * @param plannedDurationMillis the plan's duration
 * @param elapsedMillis from the start to the last request resolved
 * @param transport "epoll" or "nio"
 * @param stoppedEarly whether {@link LoadRun#stop()} ended the run before its duration
 * @param requestBudgetExhausted whether the plan's maxRequests stopped a stream
 * @param pacingSkips flood arrivals skipped because the stream ran late and sending them would have
 *     pushed a source over its per-source cap
 * @param unsentArrivals requests that were due before the run stopped but never sent because the
 *     generator lagged behind its schedule (not counted in the services' requests)
 * @param maxSendLagMillis the most a request left after its scheduled time: the generator's own lag;
 *     when it is high the machine starved the generator and the figures are less trustworthy
 * @param streams the labels of the streams that ran, such as {@code legit:web}, {@code http-flood:web}
 * @param services totals by service name, then by traffic class
 * @param series one entry per second (the last one may be shorter)
 */
public record LoadReport(
        @JsonIgnore Instant startedAt,
        long plannedDurationMillis,
        long elapsedMillis,
        String transport,
        boolean stoppedEarly,
        boolean requestBudgetExhausted,
        long pacingSkips,
        long unsentArrivals,
        double maxSendLagMillis,
        List<String> streams,
        Map<String, Map<TrafficClass, ClassStats>> services,
        List<SecondFigures> series) {

    /** Copies the collections. */
    public LoadReport {
        streams = List.copyOf(streams);
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services)); // keeps the plan's order
        series = List.copyOf(series);
    }

    /** Returns the start as ISO-8601 text, for JSON. */
    @JsonProperty("startedAt")
    public String startedAtText() {
        return startedAt.toString();
    }

    /** Returns the totals of {@code cls} on {@code service}; {@link ClassStats#EMPTY} if it had none. */
    public ClassStats stats(String service, TrafficClass cls) {
        Map<TrafficClass, ClassStats> byClass = services.get(service);
        ClassStats s = byClass == null ? null : byClass.get(cls);
        return s == null ? ClassStats.EMPTY : s;
    }

    /**
     * Returns the figures of {@code cls} on {@code service} over the seconds whose midpoint lies in
     * [{@code fromMillis}, {@code toMillis}) from the run's start: the way to cut phases
     * (before, attack, after) out of one run.
     */
    public ClassStats window(String service, TrafficClass cls, long fromMillis, long toMillis) {
        return Windows.window(series, service, cls, fromMillis, toMillis);
    }
}
