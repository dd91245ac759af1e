package org.vmshield.balancer.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.Pool;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.TrafficSnapshot;

/**
 * Ends an interval: rolls every pool's and backend's counters and the pool telemetry into one
 * {@link TrafficSnapshot}. Called by one thread (the stats tick); rates use the real elapsed time.
 *
 * <p>A pool's totals: statuses and latency of all its backends plus the answers it gave itself
 * (refusals, no backend); connections, in-flight requests and bytes as seen on its client connections.
 */
public final class SnapshotAssembler {
    /** One pool and its telemetry. */
    public record PoolEntry(Pool pool, PoolTelemetry telemetry) {}

    private final LongSupplier nanoClock;
    private long lastRollNanos;

    /** Creates an assembler; the first interval starts now. */
    public SnapshotAssembler(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastRollNanos = nanoClock.getAsLong();
    }

    /** Ends the interval and returns its snapshot, stamped {@code atMillis}. */
    public synchronized TrafficSnapshot roll(long atMillis, List<PoolEntry> pools) {
        long now = nanoClock.getAsLong();
        long intervalMillis = Math.max(1, (now - lastRollNanos) / 1_000_000);
        lastRollNanos = now;
        List<PoolStats> out = new ArrayList<>(pools.size());
        for (PoolEntry e : pools) {
            out.add(poolStats(e, intervalMillis, now));
        }
        return new TrafficSnapshot(atMillis, intervalMillis, out);
    }

    private static PoolStats poolStats(PoolEntry e, long intervalMillis, long nowNanos) {
        Pool pool = e.pool();
        IntervalCounts own = pool.counters().roll();
        IntervalCounts sum = own;
        List<BackendStats> backends = new ArrayList<>();
        for (Backend b : pool.backends()) {
            IntervalCounts c = b.counters().roll();
            backends.add(new BackendStats(b.id(), b.address().text(), b.state().wireName(), b.weight(),
                    b.healthy(nowNanos), c.toStats(intervalMillis)));
            sum = sum.plus(c);
        }
        IntervalCounts total = new IntervalCounts(sum.s1xx(), sum.s2xx(), sum.s3xx(), sum.s4xx(), sum.s5xx(),
                sum.errors(), own.bytesIn(), own.bytesOut(), own.newConnections(), own.inFlight(),
                own.connectionsOpen(), sum.latencyMicros());
        PoolTelemetry t = e.telemetry();
        List<List<PathStat>> paths = t.paths(intervalMillis);
        return new PoolStats(pool.name(), pool.service(), total.toStats(intervalMillis), backends,
                t.sources(intervalMillis), paths.get(0), paths.get(1), t.guards());
    }
}
