package org.vmshield.model.telemetry;

import java.util.List;
import java.util.Optional;

/**
 * The balancer's figures over one interval, per pool (and inside it per backend, source and path).
 *
 * @param atMillis end of the interval
 * @param intervalMillis length of the interval the rates are computed over
 * @param pools one entry per pool
 */
public record TrafficSnapshot(long atMillis, long intervalMillis, List<PoolStats> pools) {
    public TrafficSnapshot {
        pools = List.copyOf(pools);
    }

    /** Returns an empty snapshot, for a balancer that has not reported yet. */
    public static TrafficSnapshot empty(long atMillis) {
        return new TrafficSnapshot(atMillis, 0, List.of());
    }

    /** Returns the stats of the named pool, if present. */
    public Optional<PoolStats> pool(String name) {
        return pools.stream().filter(p -> p.pool().equals(name)).findFirst();
    }
}
