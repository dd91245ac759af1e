package org.vmshield.controller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.PoolView;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.brain.Brain;
import org.vmshield.brain.BrainTick;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.WeightSetting;
import org.vmshield.brain.plan.Action;
import org.vmshield.brain.plan.Plan;
import org.vmshield.controller.actuate.ActionView;
import org.vmshield.controller.actuate.Actuator;
import org.vmshield.controller.actuate.ActuatorSettings;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.ServiceDecl;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.reconcile.Reconciler;
import org.vmshield.controller.state.ClusterStateBuilder;
import org.vmshield.controller.state.ControlState;
import org.vmshield.controller.state.HostCpuWeights;
import org.vmshield.controller.state.VmCpuCaps;
import org.vmshield.controller.state.VmCpuPriorities;
import org.vmshield.controller.state.RuleMapper;
import org.vmshield.controller.telemetry.TelemetryCollector;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.model.telemetry.TelemetrySnapshot;

/**
 * The control loop: every tick, sense (telemetry), think (the brain) and act (the actuator),
 * journaling incidents, decisions and actions. Start here: {@code new Controller(...).start()}.
 *
 * <p>On {@link #start} it reconciles the actions a previous run left in flight, starts the
 * configured VMs that are not running, adds every VM to its pool, and re-applies the rules and
 * weights the journal holds. A tick that throws is logged and counted; the loop goes on. In
 * dry-run it plans and journals but changes nothing. {@link #close} stops the loop, waits for
 * the actions in flight and stops the VMs it started; the caller closes the balancer, the
 * hypervisor and the journal.
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final ControllerConfig config;
    private final Hypervisor hypervisor;
    private final Balancer balancer;
    private final Journal journal;
    private final Brain brain;
    private final LongSupplier clock;
    private final ControlState control;
    private final ClusterStateBuilder stateBuilder;
    private final TelemetryCollector collector;
    private final HostCpuWeights hostWeights;
    private final VmCpuPriorities vmPriorities;
    private final VmCpuCaps vmCaps;
    private final Actuator actuator;
    private final TickJournal tickJournal;
    private final Set<String> started = new LinkedHashSet<>();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong failedTicks = new AtomicLong();
    private volatile List<Incident> incidents = List.of();
    private volatile TelemetrySnapshot lastSnapshot;
    private volatile String lastError = "";
    private ScheduledExecutorService loop;
    private boolean closed;

    /**
     * Creates a controller.
     *
     * @param userNetworking true when the hypervisor uses QEMU user networking (endpoints change on migration)
     * @param clockMillis the controller's clock (tests inject one)
     */
    public Controller(ControllerConfig config, Hypervisor hypervisor, Balancer balancer, Journal journal, Brain brain,
            boolean userNetworking, LongSupplier clockMillis) {
        this.config = config;
        this.hypervisor = hypervisor;
        this.balancer = balancer;
        this.journal = journal;
        this.brain = brain;
        this.clock = clockMillis;
        this.control = new ControlState(journal);
        this.stateBuilder = new ClusterStateBuilder(hypervisor, config, control);
        this.collector = new TelemetryCollector(balancer::snapshot, hypervisor);
        this.hostWeights = new HostCpuWeights(config, hypervisor);
        this.vmPriorities = new VmCpuPriorities(config, hypervisor);
        this.vmCaps = new VmCpuCaps(config, hypervisor);
        Map<String, String> pools = new HashMap<>();
        Map<String, String> health = new HashMap<>();
        for (ServiceDecl s : config.services()) {
            pools.put(s.name(), s.pool());
            health.put(s.name(), s.healthPath());
        }
        this.actuator = new Actuator(hypervisor, balancer, journal, control,
                new ActuatorSettings(pools, health, userNetworking, config.stepTimeoutMillis(),
                        config.migration().timeoutMillis()), clockMillis);
        this.tickJournal = new TickJournal(journal);
    }

    /** Reconciles, starts the configured VMs, fills the pools, re-applies rules and weights; then prepares the loop. */
    public synchronized void prepare() {
        List<Reconciler.Outcome> outcomes = new Reconciler(journal, hypervisor, clock).reconcile();
        if (!outcomes.isEmpty()) {
            LOG.info("reconciled {} actions left in flight", outcomes.size());
        }
        control.load();
        for (VmDecl vm : config.vms()) {
            control.putVm(vm);
            if (hypervisor.inspect(vm.name()).isEmpty()) {
                LOG.info("starting vm {} ({} {}) on {}", vm.name(), vm.service(), vm.version(), vm.host());
                hypervisor.start(new VmSpec(vm.name(), vm.service(), vm.version(), vm.vcpus(), vm.memoryMiB(), vm.host()));
                started.add(vm.name());
            }
        }
        List<VmInfo> vms = hypervisor.vms();
        syncBackends(vms);
        hostWeights.apply(vms);
        vmPriorities.apply(vms);
        applyCaps(vms);
        reapplyControl();
    }

    /** Prepares (see {@link #prepare}) and starts the loop at the configured tick. */
    public synchronized Controller start() {
        prepare();
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vmshield-control-loop");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleAtFixedRate(this::safeTick, config.tickMillis(), config.tickMillis(), TimeUnit.MILLISECONDS);
        LOG.info("controller started: tick {} ms{}", config.tickMillis(), config.dryRun() ? ", dry-run" : "");
        return this;
    }

    private void applyCaps(List<VmInfo> vms) {
        if (!config.dryRun()) {
            vmCaps.apply(vms); // a cap is a protection that limits a VM: a dry run only watches
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (Throwable t) {
            failedTicks.incrementAndGet();
            lastError = String.valueOf(t);
            LOG.error("tick failed; the loop goes on", t);
        }
    }

    /** Runs one tick now: sense, think, act. Returns what the brain produced. Not concurrent with itself. */
    public synchronized BrainTick tick() {
        long now = clock.getAsLong();
        ticks.incrementAndGet();
        List<VmInfo> vms = hypervisor.vms();
        syncBackends(vms);
        hostWeights.apply(vms);
        vmPriorities.apply(vms);
        applyCaps(vms);
        pruneExpiredRules(now);
        TelemetrySnapshot snapshot = collector.collect(now);
        lastSnapshot = snapshot;
        BrainTick result = brain.tick(snapshot, stateBuilder.build(), now);
        incidents = result.incidents();
        tickJournal.incidents(result);
        tickJournal.decisions(result);
        for (Plan p : result.plans()) {
            for (Action a : p.actions()) {
                if (config.dryRun()) {
                    tickJournal.planned(a, now);
                } else {
                    actuator.execute(a);
                }
            }
        }
        return result;
    }

    /** Adds every running VM of a known service to its pool, and fixes addresses that changed. */
    private void syncBackends(List<VmInfo> vms) {
        Set<String> busy = new java.util.HashSet<>();
        control.inFlight().forEach(a -> busy.add(a.vm()));
        for (VmInfo v : vms) {
            ServiceDecl s = config.service(v.spec().service()).orElse(null);
            if (s == null || busy.contains(v.name()) || v.state() != org.vmshield.hypervisor.VmState.RUNNING) {
                continue;
            }
            PoolView.BackendView b = backend(s.pool(), v.name());
            if (b == null) {
                // A VM being switched in appears before the actuator adds it: leave it to the actuator.
                if (control.inFlight().stream().anyMatch(a -> v.name().startsWith(a.vm() + "-"))) {
                    continue;
                }
                balancer.addBackend(s.pool(), new BackendConfig(v.name(), v.endpoint().toString(), null, "active"));
            } else if (!b.address().equals(v.endpoint().toString()) && !"paused".equals(b.state())) {
                balancer.setAddress(s.pool(), v.name(), v.endpoint().toString());
            }
        }
    }

    private PoolView.BackendView backend(String pool, String id) {
        try {
            for (PoolView.BackendView b : balancer.pool(pool).backends()) {
                if (b.id().equals(id)) {
                    return b;
                }
            }
        } catch (NoSuchElementException e) {
            return null;
        }
        return null;
    }

    private void reapplyControl() {
        long now = clock.getAsLong();
        for (FilterRule r : control.rules()) {
            if (r.expiresAtMillis() <= now) {
                control.removeRule(r.id());
                continue;
            }
            if (!config.dryRun()) {
                balancer.guardChain().rules().put(RuleMapper.toGuard(r, now));
                LOG.info("re-applied rule {}", r.id());
            }
        }
        for (WeightSetting w : control.weights()) {
            if (backend(w.pool(), w.backendId()) == null) {
                control.removeWeight(w.pool(), w.backendId());
            } else if (!config.dryRun()) {
                balancer.setWeight(w.pool(), w.backendId(), w.weight());
                LOG.info("re-applied weight {}/{} = {}", w.pool(), w.backendId(), w.weight());
            }
        }
    }

    private void pruneExpiredRules(long now) {
        for (FilterRule r : control.rules()) {
            if (r.expiresAtMillis() <= now) {
                control.removeRule(r.id());
            }
        }
    }

    /** Executes a manual action (from the admin API) through the actuator, journaled like any other. */
    public ActionView executeManual(Action action) {
        if (config.dryRun()) {
            throw new IllegalStateException("dry-run: the controller changes nothing (expected: a controller run without --dry-run)");
        }
        return actuator.execute(action);
    }

    /** Returns the configuration. */
    public ControllerConfig config() {
        return config;
    }

    /** Returns the hypervisor. */
    public Hypervisor hypervisor() {
        return hypervisor;
    }

    /** Returns the balancer. */
    public Balancer balancer() {
        return balancer;
    }

    /** Returns the journal. */
    public Journal journal() {
        return journal;
    }

    /** Returns the control state (rules, weights, changes, actions in flight). */
    public ControlState control() {
        return control;
    }

    /** Returns the incidents active after the last tick. */
    public List<Incident> incidents() {
        return incidents;
    }

    /** Returns the actions running and recently ended. */
    public List<ActionView> actions() {
        return actuator.actions();
    }

    /** Returns the last telemetry snapshot, or null before the first tick. */
    public TelemetrySnapshot lastSnapshot() {
        return lastSnapshot;
    }

    /** Returns the number of ticks run and of ticks that failed, and the last failure. */
    public Map<String, Object> status() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("ticks", ticks.get());
        m.put("failedTicks", failedTicks.get());
        m.put("lastError", lastError);
        m.put("dryRun", config.dryRun());
        m.put("tickMillis", config.tickMillis());
        m.put("actionsRunning", actuator.running().size());
        return m;
    }

    /** Returns the VMs this controller started (configured, switched-in, scaled-out) that still run. */
    public synchronized List<String> startedVms() {
        List<String> out = new ArrayList<>();
        for (VmDecl d : control.vms()) {
            if (hypervisor.inspect(d.name()).isPresent()) {
                out.add(d.name());
            }
        }
        return out;
    }

    /** Stops the loop, waits for actions in flight (then interrupts them), stops the VMs it manages. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop != null) {
            loop.shutdownNow();
            try {
                loop.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        actuator.close(10_000);
        for (String vm : startedVms()) {
            try {
                hypervisor.stop(vm);
                LOG.info("stopped vm {}", vm);
            } catch (RuntimeException e) {
                LOG.warn("cannot stop vm {}: {}", vm, e.getMessage());
            }
        }
    }
}
