package org.vmshield.bench.brain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.GuardStat;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.LatencyMillis;
import org.vmshield.model.telemetry.PathStat;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.SourceStat;
import org.vmshield.model.telemetry.SourceStats;
import org.vmshield.model.telemetry.StatusCounts;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.TrafficSnapshot;
import org.vmshield.model.telemetry.TrafficStats;

/**
 * Synthetic balancer telemetry for the detector benchmark: {@code pools} pools of
 * {@code backendsPerPool} backends and {@code pathsPerPool} paths each, ten top sources per pool,
 * legitimate traffic with seeded noise, and a flood on a few backends in the "attacked" variants.
 */
public final class TelemetryFixture {
    /** The pools of one tick, built in advance so that a measured tick does no building. */
    private final List<List<PoolStats>> variants = new ArrayList<>();
    private final long intervalMillis;

    /**
     * Builds {@code quietVariants} quiet ticks and {@code attackedVariants} ticks in which
     * {@code floodedPools} pools see one backend flooded from a few sources.
     */
    public TelemetryFixture(int pools, int backendsPerPool, int pathsPerPool, int quietVariants, int attackedVariants,
            int floodedPools, long intervalMillis, long seed) {
        this.intervalMillis = intervalMillis;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int v = 0; v < quietVariants + attackedVariants; v++) {
            boolean attacked = v >= quietVariants;
            List<PoolStats> tick = new ArrayList<>(pools);
            for (int p = 0; p < pools; p++) {
                tick.add(pool(p, backendsPerPool, pathsPerPool, attacked && p < floodedPools, rnd));
            }
            variants.add(List.copyOf(tick));
        }
    }

    /** Returns the number of prepared ticks. */
    public int variants() {
        return variants.size();
    }

    /** Returns prepared tick {@code variant} stamped at {@code atMillis} (no hypervisor data). */
    public TelemetrySnapshot snapshot(int variant, long atMillis) {
        return new TelemetrySnapshot(atMillis, new TrafficSnapshot(atMillis, intervalMillis, variants.get(variant)),
                HypervisorSnapshot.empty(atMillis));
    }

    private static PoolStats pool(int p, int backends, int paths, boolean flooded, SplittableRandom rnd) {
        String name = "pool-" + p;
        List<BackendStats> bs = new ArrayList<>(backends);
        double poolRps = 0;
        for (int b = 0; b < backends; b++) {
            double rps = 10 * (0.95 + 0.1 * rnd.nextDouble()) + (flooded && b == 0 ? 2000 : 0);
            poolRps += rps;
            String id = "vm-" + p + "-" + b;
            bs.add(new BackendStats(id, "127.0.0.1:" + (10000 + b), "active", 100, true, traffic(rps, 5, rnd)));
        }
        List<PathStat> ps = new ArrayList<>(paths);
        for (int i = 0; i < paths; i++) {
            double share = 1.0 / paths;
            double mean = (1 + i % 7) * (0.9 + 0.2 * rnd.nextDouble());
            double rps = poolRps * share;
            ps.add(new PathStat("/p" + i, rps, rps * mean, mean));
        }
        List<SourceStat> top = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            double rps = flooded && i < 3 ? 700 : poolRps / 500 * (1 + 0.5 * rnd.nextDouble());
            top.add(new SourceStat((flooded && i < 3 ? "127.66.0." : "127.1." + (p % 250) + ".") + (i + 1), rps, 2, 0, 0));
        }
        SourceStats sources = new SourceStats(top, top, 500 + (flooded ? 3 : 0), 5 * (0.8 + 0.4 * rnd.nextDouble()));
        return new PoolStats(name, name, traffic(poolRps, 5, rnd), bs, sources, ps, ps, List.<GuardStat>of());
    }

    private static TrafficStats traffic(double rps, double p50, SplittableRandom rnd) {
        double jitter = 0.9 + 0.2 * rnd.nextDouble();
        long count = (long) rps;
        return new TrafficStats(rps, (long) (rps / 100), new LatencyMillis(count, p50 * jitter, p50 * 2 * jitter,
                p50 * 4 * jitter, p50 * 10), new StatusCounts(0, count, 0, 0, 0, 0), (long) (rps / 5), rps / 10,
                rps * 200, rps * 2000);
    }
}
