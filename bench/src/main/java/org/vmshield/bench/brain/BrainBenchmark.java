package org.vmshield.bench.brain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vmshield.brain.detect.DetectionEngine;
import org.vmshield.brain.detect.DetectorConfig;
import org.vmshield.brain.detect.VmDirectory;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.plan.Planner;
import org.vmshield.brain.plan.PlannerConfig;
import org.vmshield.brain.plan.PlannerResult;
import org.vmshield.model.telemetry.TelemetrySnapshot;

/**
 * The brain benchmark: one detector tick over about 100,000 tracked series (1,000 pools of 90
 * backends and 9 paths) and one planner tick over 10,000 hosts and 100,000 VMs with 100 open
 * incidents. Both on the calling thread, after warm-up.
 */
public final class BrainBenchmark {
    /** Sizes and run counts. */
    public record Settings(int pools, int backendsPerPool, int pathsPerPool, int hosts, int vms, int services,
            int incidents, int detectorWarmup, int detectorRuns, int plannerWarmup, int plannerRuns) {
        /** The sizes issue 4 names, with enough runs for a stable median on a busy machine. */
        public static final Settings STANDARD = new Settings(1000, 90, 9, 10_000, 100_000, 1000, 100, 40, 60, 20, 40);
    }

    private static final long TICK_MILLIS = 1000;
    private static final long T0 = 1_000_000;

    private final Settings settings;
    private final TickTimer timer = new TickTimer();

    /** Creates a benchmark with the given sizes. */
    public BrainBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Runs both parts and returns the results as an ordered map (JSON-ready). */
    public Map<String, Object> run(Consumer<String> progress) {
        Map<String, Object> out = new LinkedHashMap<>();
        progress.accept("building telemetry: " + settings.pools() + " pools x " + settings.backendsPerPool()
                + " backends x " + settings.pathsPerPool() + " paths");
        TelemetryFixture telemetry = new TelemetryFixture(settings.pools(), settings.backendsPerPool(),
                settings.pathsPerPool(), 3, 1, 10, TICK_MILLIS, 42);
        DetectionEngine engine = new DetectionEngine(DetectorConfig.DEFAULTS);
        // Learn baselines on quiet ticks first, untimed, so that the measured ticks are steady state.
        long[] clock = {T0};
        for (int i = 0; i < 30; i++) {
            engine.tick(telemetry.snapshot(i % 3, clock[0] += TICK_MILLIS), VmDirectory.empty());
        }
        TelemetrySnapshot[] next = new TelemetrySnapshot[1];
        int[] opened = {0};
        TickTimer.Result detector = timer.measure(new TickTimer.Tick() {
            @Override
            public void prepare(int i) {
                int variant = i % 8 >= 6 ? 3 : i % 3; // two attacked ticks in every eight: incidents open
                next[0] = telemetry.snapshot(variant, clock[0] += TICK_MILLIS);
            }

            @Override
            public void run(int i) {
                opened[0] += engine.tick(next[0], VmDirectory.empty()).opened().size();
            }
        }, settings.detectorWarmup(), settings.detectorRuns(), pct -> progress.accept("detector " + pct + "%"));
        out.put("detectorTickMs", round(detector.medianMillis()));
        out.put("plannerTickMs", 0.0); // filled in below; keeps the two headline figures first
        out.put("detectorTickP99Ms", round(detector.p99Millis()));
        out.put("detectorTickCpuMs", round(detector.medianCpuMillis()));
        out.put("detectorAllocatedBytesPerTick", detector.medianAllocatedBytes());
        out.put("detectorTrackedSeries", engine.trackedSeries());
        out.put("detectorIncidentsOpened", opened[0]);

        progress.accept("building cluster: " + settings.hosts() + " hosts, " + settings.vms() + " VMs, "
                + settings.incidents() + " incidents");
        ClusterFixture fixture = new ClusterFixture(settings.hosts(), settings.vms(), settings.services(),
                settings.incidents(), T0, 7);
        Planner planner = new Planner(PlannerConfig.DEFAULTS);
        List<Incident> incidents = fixture.incidents();
        ClusterState[] cluster = new ClusterState[1];
        int[] actions = {0};
        long[] buildNanos = {0};
        TickTimer.Result plannerResult = timer.measure(new TickTimer.Tick() {
            @Override
            public void prepare(int i) {
                long t0 = System.nanoTime();
                cluster[0] = fixture.cluster(); // a fresh state, as each tick gets one: no cached host order
                buildNanos[0] = System.nanoTime() - t0;
            }

            @Override
            public void run(int i) {
                PlannerResult r = planner.plan(incidents, cluster[0], T0);
                actions[0] = r.actions().size();
            }
        }, settings.plannerWarmup(), settings.plannerRuns(), pct -> progress.accept("planner " + pct + "%"));
        out.put("plannerTickMs", round(plannerResult.medianMillis()));
        out.put("plannerTickP99Ms", round(plannerResult.p99Millis()));
        out.put("plannerTickCpuMs", round(plannerResult.medianCpuMillis()));
        out.put("plannerAllocatedBytesPerTick", plannerResult.medianAllocatedBytes());
        out.put("plannerActionsPerTick", actions[0]);
        out.put("clusterStateBuildMs", round(buildNanos[0] / 1e6));
        out.put("hosts", settings.hosts());
        out.put("vms", settings.vms());
        out.put("incidents", settings.incidents());
        out.put("detectorRuns", detector.runs());
        out.put("plannerRuns", plannerResult.runs());
        return out;
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }
}
