package org.vmshield.balancer.stats;

import java.util.List;
import org.vmshield.model.telemetry.GuardStat;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.SourceStats;

/** The per-source, per-path and guard figures of one pool, each call ending its interval. */
public interface PoolTelemetry {
    /** Reports nothing. */
    PoolTelemetry NONE = new PoolTelemetry() {};

    /** Returns heavy hitters and distinct-source estimates over the interval just ended. */
    default SourceStats sources(long intervalMillis) {
        return SourceStats.NONE;
    }

    /** Returns the top paths over the interval just ended: by requests, then by backend time. */
    default List<List<PathStat>> paths(long intervalMillis) {
        return List.of(List.of(), List.of());
    }

    /** Returns refusals by guard rule over the interval just ended. */
    default List<GuardStat> guards() {
        return List.of();
    }
}
