package org.vmshield.load.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vmshield.load.FailureKind;

/**
 * The figures of one traffic class on one service, over a run or a window of it.
 *
 * @param requests requests scheduled and resolved (successes + failures)
 * @param successes responses with status below 400
 * @param failures failures by kind (an absent kind is zero)
 * @param statusCounts responses by status code (totals only; empty for windows)
 * @param successRate successes / requests, 1.0 when there were no requests
 * @param latency latency of the requests that got a response
 * @param connections for connection-holding attacks
 * @param sources distinct client addresses that sent requests (0 when connections were not bound)
 * @param refusedSources distinct client addresses that got at least one 403 or 429 (a guard's refusal)
 */
public record ClassStats(
        long requests,
        long successes,
        Map<FailureKind, Long> failures,
        Map<Integer, Long> statusCounts,
        double successRate,
        LatencySummary latency,
        ConnectionStats connections,
        long sources,
        long refusedSources) {
    /** No traffic at all. */
    public static final ClassStats EMPTY =
            new ClassStats(0, 0, Map.of(), Map.of(), 1.0, LatencySummary.EMPTY, ConnectionStats.NONE, 0, 0);

    /** Copies the maps. */
    public ClassStats {
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures)); // in declaration order
        statusCounts = Collections.unmodifiableMap(new LinkedHashMap<>(statusCounts));
    }

    /** Returns the failures of {@code kind}. */
    public long failures(FailureKind kind) {
        return failures.getOrDefault(kind, 0L);
    }

    /** Returns all failures. */
    public long failureCount() {
        return requests - successes;
    }
}
