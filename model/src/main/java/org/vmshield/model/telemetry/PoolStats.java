package org.vmshield.model.telemetry;

import java.util.List;

/**
 * One pool (the backends of one service behind one listener) over one interval.
 *
 * @param pool pool name
 * @param service name of the service the pool serves
 * @param traffic the pool's totals (all backends, plus requests refused before a backend was picked)
 * @param backends per backend
 * @param sources heavy hitters and distinct-source estimates of the clients of this pool
 * @param topPathsByRequests top-k paths by request rate
 * @param topPathsByBackendTime top-k paths by total backend time, so that an expensive path shows
 *     up even at a low request rate
 * @param guards refusals by guard rule during the interval
 */
public record PoolStats(
        String pool,
        String service,
        TrafficStats traffic,
        List<BackendStats> backends,
        SourceStats sources,
        List<PathStat> topPathsByRequests,
        List<PathStat> topPathsByBackendTime,
        List<GuardStat> guards) {
    public PoolStats {
        backends = List.copyOf(backends);
        topPathsByRequests = List.copyOf(topPathsByRequests);
        topPathsByBackendTime = List.copyOf(topPathsByBackendTime);
        guards = List.copyOf(guards);
    }
}
