package org.vmshield.sim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vmshield.brain.Brain;
import org.vmshield.brain.BrainTick;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.plan.Action;
import org.vmshield.brain.plan.Plan;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.sim.engine.EventQueue;
import org.vmshield.sim.scenario.AttackSpec;
import org.vmshield.sim.scenario.ModelSettings;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.ScenarioValidator;
import org.vmshield.sim.traffic.PoolTraffic;
import org.vmshield.sim.traffic.TrafficModel;
import org.vmshield.sim.world.ClusterStateView;
import org.vmshield.sim.world.CpuContention;
import org.vmshield.sim.world.Queueing;
import org.vmshield.sim.world.SimHost;
import org.vmshield.sim.world.SimVm;
import org.vmshield.sim.world.VmPhase;
import org.vmshield.sim.world.World;

/**
 * Runs one scenario: a tick event every {@code tickMillis} of simulated time computes traffic, CPU
 * contention and queueing, builds the telemetry snapshot and the cluster state, calls
 * {@link Brain#tick} (the same brain the live controller runs) and hands the plans to the
 * executor, whose migrations, boots and drains are further events. Deterministic: the same
 * scenario and seed give the same result (except the wall time it took).
 */
public final class Simulation {
    /** Migration history older than this is dropped from the cluster state (the planner's budget window). */
    static final long HISTORY_MILLIS = 3_600_000;

    private final Scenario scenario;
    private final SimOptions options;
    private final ModelSettings settings;
    private final World world;
    private final EventQueue queue = new EventQueue();
    private final TrafficModel traffic;
    private final TelemetryBuilder telemetry;
    private final ClusterStateView view;
    private final Brain brain;
    private final Metrics metrics;
    private final ActionExecutor executor;
    private final long[] detectedAt;
    private final String[] detectedKind;
    private final long endMillis;
    private long ticks;
    private long brainNanos;
    private long firstAttackMillis = Long.MAX_VALUE;
    private final List<BrainTick> recorder;

    /** Prepares a run of {@code scenario}; fails with a clear message when the scenario is invalid. */
    public Simulation(Scenario scenario, SimOptions options) {
        this(scenario, options, Brain.withDefaults(), null);
    }

    /**
     * Prepares a run with a given brain; when {@code recorder} is not null every brain tick is added to
     * it (for tests that inspect decisions).
     */
    public Simulation(Scenario scenario, SimOptions options, Brain brain, List<BrainTick> recorder) {
        this.scenario = ScenarioValidator.validate(scenario);
        this.options = options;
        this.settings = scenario.settings();
        this.world = World.of(scenario);
        this.traffic = new TrafficModel(world, scenario.attacks(), options.seed());
        this.telemetry = new TelemetryBuilder(settings.requestTimeoutMillis());
        this.view = new ClusterStateView(world, settings.migrationBandwidthMiBPerSec());
        this.brain = brain;
        this.recorder = recorder;
        this.metrics = new Metrics(world.services, scenario.attacks());
        this.executor = new ActionExecutor(world, queue, settings, metrics);
        this.detectedAt = new long[scenario.attacks().size()];
        this.detectedKind = new String[scenario.attacks().size()];
        java.util.Arrays.fill(detectedAt, -1);
        java.util.Arrays.fill(detectedKind, "");
        for (AttackSpec a : scenario.attacks()) {
            if (a.kind() != org.vmshield.sim.scenario.AttackKind.FLASH_CROWD) {
                firstAttackMillis = Math.min(firstAttackMillis, a.startMillis());
            }
        }
        this.endMillis = options.durationMillis() > 0 ? options.durationMillis()
                : Math.round(scenario.durationSeconds() * 1000);
    }

    /** Runs the simulation to its end and returns what it measured. */
    public SimResult run() {
        long wallStart = System.nanoTime();
        int vmsAtStart = world.vms.size();
        long tick = settings.tickMillis();
        long tenth = Math.max(tick, endMillis / 10);
        queue.schedule(tick, this::tick);
        for (long t = tenth; ; t += tenth) {
            long until = Math.min(t, endMillis);
            queue.runUntil(until);
            if (options.progress() != null && until < endMillis) {
                options.progress().accept(String.format(Locale.ROOT, "%s: %d/%d s simulated, %d events, %d VMs, %.1f s wall",
                        scenario.name(), until / 1000, endMillis / 1000, queue.processed(), world.vms.size(),
                        (System.nanoTime() - wallStart) / 1e9));
            }
            if (until >= endMillis) {
                break;
            }
        }
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        List<SimResult.Detection> detections = new ArrayList<>();
        for (int k = 0; k < scenario.attacks().size(); k++) {
            AttackSpec a = scenario.attacks().get(k);
            if (a.startMillis() < endMillis) {
                detections.add(new SimResult.Detection(k, a.kind().name(), a.targets().get(0), a.startSeconds(),
                        detectedAt[k], detectedKind[k]));
            }
        }
        return new SimResult(scenario.name(), options.seed(), options.mitigation(), endMillis / 1000.0, world.hosts.size(),
                vmsAtStart, world.vms.size(), world.services.size(), ticks, queue.processed(), wallMillis, brainNanos / 1_000_000,
                metrics.groups(), detections, metrics.incidents, metrics.actions, metrics.rejected, metrics.migrations());
    }

    private void tick() {
        long now = queue.nowMillis();
        long tick = settings.tickMillis();
        ticks++;
        executor.expireRules(now);
        traffic.tick(world, now);
        computeCpu();
        for (SimVm v : world.allVms()) {
            Queueing.apply(v, settings.requestTimeoutMillis(), v.pausedMillisThisTick, tick);
            v.pausedMillisThisTick = 0;
        }
        int phase = now < firstAttackMillis ? 0 : traffic.attackOn(now) ? 1 : 2;
        for (PoolTraffic p : traffic.pools()) {
            metrics.record(p, phase, tick / 1000.0);
        }
        TelemetrySnapshot snapshot = telemetry.build(world, traffic.pools(), now, tick);
        long t0 = System.nanoTime(); // measured for the report only; no decision reads it
        BrainTick bt = brain.tick(snapshot, view.build(world, now - HISTORY_MILLIS), now);
        brainNanos += System.nanoTime() - t0;
        if (recorder != null) {
            recorder.add(bt);
        }
        for (Incident inc : bt.detection().opened()) {
            metrics.count(metrics.incidents, inc.kind().name());
            noteDetection(inc, now);
        }
        if (options.mitigation()) {
            for (Plan p : bt.plans()) {
                for (Action a : p.actions()) {
                    executor.execute(a);
                }
            }
        }
        if (now + tick <= endMillis) {
            queue.schedule(now + tick, this::tick);
        }
    }

    /** Host overhead, then each host's CPU shared among its VMs. */
    private void computeCpu() {
        double perRequest = settings.hostOverheadMillisPerRequest() / 1000.0;
        for (SimHost h : world.hosts) {
            double overhead = 0;
            int n = h.vms.size();
            double[] wanted = new double[n];
            double[] caps = new double[n];
            for (int i = 0; i < n; i++) {
                SimVm v = h.vms.get(i);
                overhead += v.arrivalsRps * perRequest;
                if (v.phase == VmPhase.MIGRATING) {
                    overhead += settings.migrationCpuCores();
                }
                caps[i] = v.phase == VmPhase.STARTING ? 0 : v.effectiveCapCores();
                wanted[i] = Math.min(v.workCoresDemand, caps[i]);
            }
            h.overheadCores = overhead;
            CpuContention.share(h, h.vms, wanted, caps);
        }
    }

    private void noteDetection(Incident inc, long now) {
        String service = inc.target().service();
        for (int k = 0; k < detectedAt.length; k++) {
            AttackSpec a = scenario.attacks().get(k);
            if (detectedAt[k] < 0 && now >= a.startMillis() && now <= a.endMillis() + 60_000
                    && inc.startMillis() >= a.startMillis() - settings.tickMillis() && a.targets().contains(service)) {
                detectedAt[k] = now - a.startMillis();
                detectedKind[k] = inc.kind().name();
            }
        }
    }

    /** Returns the world (for tests that inspect the end state). */
    public World world() {
        return world;
    }
}
