package org.vmshield.load.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vmshield.load.TrafficClass;

/**
 * The figures of one second of a run, per service and traffic class.
 *
 * @param second the second's number, 1 for the first
 * @param startMillis the second's start, from the run's start
 * @param endMillis the second's end, from the run's start
 * @param maxSendLagMillis the most a request left late in this second: the generator's own lag
 *     (high values mean it was starved of CPU and the figures say more about it than the target)
 * @param services figures by service name, then by traffic class
 */
public record SecondFigures(int second, long startMillis, long endMillis, double maxSendLagMillis,
                            Map<String, Map<TrafficClass, SecondStats>> services) {
    /** Copies the map. */
    public SecondFigures {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services)); // keeps the plan's order
    }

    /** Returns the figures of {@code cls} on {@code service}, or {@code null} if it had no traffic at all. */
    public SecondStats stats(String service, TrafficClass cls) {
        Map<TrafficClass, SecondStats> byClass = services.get(service);
        return byClass == null ? null : byClass.get(cls);
    }
}
