package org.vmshield.controller.actuate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.guard.rule.GuardRule;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.model.WeightSetting;
import org.vmshield.brain.plan.Action;
import org.vmshield.brain.plan.AddFilterRule;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.brain.plan.RemoveFilterRule;
import org.vmshield.brain.plan.ScaleIn;
import org.vmshield.brain.plan.ScaleOut;
import org.vmshield.brain.plan.SetBackendState;
import org.vmshield.brain.plan.SetWeight;
import org.vmshield.brain.plan.SwitchVersion;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.state.ControlState;
import org.vmshield.controller.state.RuleMapper;
import org.vmshield.hypervisor.Hypervisor;

/**
 * Executes the brain's actions, step by step, each step verified and journaled. Balancer changes
 * (rules, weights, backend states) take microseconds and run on the caller's thread, in plan
 * order. Migrations, version switches and scaling take seconds: they run on the actuator's own
 * threads and are marked in flight in the {@link ControlState} before {@link #execute} returns,
 * so the next brain tick sees them.
 */
public final class Actuator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Actuator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEEP_ENDED = 100;

    private final Journal journal;
    private final ActuatorContext ctx;
    private final MigrationRunner migrations;
    private final VmRunner vms;
    private final ExecutorService workers;
    private final LongSupplier clock;
    private final Map<String, ActionRun> running = new ConcurrentHashMap<>();
    private final Deque<ActionRun> ended = new ArrayDeque<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String idPrefix;

    /**
     * Creates an actuator.
     *
     * @param clockMillis the controller's clock, for the journal's timestamps and rule TTLs
     */
    public Actuator(Hypervisor hypervisor, Balancer balancer, Journal journal, ControlState state,
            ActuatorSettings settings, LongSupplier clockMillis) {
        this.journal = journal;
        this.clock = clockMillis;
        this.workers = Executors.newFixedThreadPool(4, daemon("vmshield-actuator"));
        ExecutorService stepThreads = Executors.newCachedThreadPool(daemon("vmshield-step"));
        this.ctx = new ActuatorContext(hypervisor, balancer, state, settings, new HealthProbe(System::nanoTime),
                clockMillis, System::nanoTime, stepThreads);
        this.migrations = new MigrationRunner(ctx);
        this.vms = new VmRunner(ctx);
        this.idPrefix = "a" + Long.toString(clockMillis.getAsLong(), 36) + "-";
    }

    /**
     * Executes one action: balancer changes at once, long actions started on a worker thread.
     * Returns its view; an action refused (its VM already has one in flight) comes back FAILED.
     */
    public ActionView execute(Action action) {
        String kind = kindOf(action);
        ActionRun run = new ActionRun(idPrefix + sequence.incrementAndGet(), kind, action.describe(),
                action.incidentId(), journal, clock);
        journal.startAction(run.actionId, action.incidentId(), kind, spec(action, kind), run.startedMillis);
        InFlightAction inFlight = inFlight(run.actionId, action, run.startedMillis);
        if (inFlight == null) {
            runQuick(action, run);
            remember(run);
            return run.view();
        }
        if (!ctx.state().begin(inFlight)) {
            run.finish(ActionStatus.FAILED, "refused: vm " + inFlight.vm() + " already has an action in flight");
            remember(run);
            return run.view();
        }
        running.put(run.actionId, run);
        try {
            workers.execute(() -> runLong(action, run));
        } catch (RuntimeException e) {
            ctx.state().end(run.actionId);
            running.remove(run.actionId);
            run.finish(ActionStatus.FAILED, "not started: " + e.getMessage());
            remember(run);
        }
        return run.view();
    }

    private void runQuick(Action action, ActionRun run) {
        try {
            if (action instanceof AddFilterRule a) {
                addRule(a, run);
            } else if (action instanceof RemoveFilterRule a) {
                removeRule(a, run);
            } else if (action instanceof SetWeight a) {
                setWeight(a, run);
            } else if (action instanceof SetBackendState a) {
                setState(a, run);
            } else {
                throw new IllegalStateException("not a balancer action: " + action.describe());
            }
        } catch (RuntimeException e) {
            run.finish(ActionStatus.FAILED, String.valueOf(e.getMessage()));
        } catch (Error e) {
            // Never leave a balancer change in flight in the journal: it was not verified.
            run.finish(ActionStatus.FAILED, String.valueOf(e));
            throw e;
        }
    }

    private void runLong(Action action, ActionRun run) {
        try {
            if (action instanceof MigrateVm a) {
                migrations.run(a, run);
            } else if (action instanceof SwitchVersion a) {
                vms.switchVersion(a, run);
            } else if (action instanceof ScaleOut a) {
                vms.scaleOut(a, run);
            } else if (action instanceof ScaleIn a) {
                vms.scaleIn(a, run);
            } else {
                throw new IllegalStateException("not a long action: " + action.describe());
            }
        } catch (MigrationRunner.Rollback e) {
            run.finish(ActionStatus.ROLLED_BACK, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("action {} failed", run.actionId, e);
            run.finish(ActionStatus.FAILED, String.valueOf(e.getMessage()));
        } finally {
            if (!run.ended()) {
                run.finish(ActionStatus.FAILED, "ended without a result");
            }
            ctx.state().end(run.actionId);
            running.remove(run.actionId);
            remember(run);
        }
    }

    private void addRule(AddFilterRule a, ActionRun run) {
        GuardRule guard = RuleMapper.toGuard(a.rule(), clock.getAsLong());
        // put replaces a rule with the same id: a TTL refresh.
        ctx.balancer().guardChain().rules().put(guard);
        if (ctx.balancer().rules().stream().noneMatch(r -> r.id().equals(guard.id()))) {
            throw new StepFailedException("rule " + guard.id() + " is not in force after adding it");
        }
        ctx.state().putRule(a.rule());
        run.step("rule-in-force", guard.type() + " " + guard.id() + " ttl " + guard.ttlSeconds() + " s");
        run.finish(ActionStatus.SUCCEEDED, "rule " + guard.id() + " in force");
    }

    private void removeRule(RemoveFilterRule a, ActionRun run) {
        String id = RuleMapper.balancerId(a.ruleId());
        boolean present = ctx.balancer().rules().stream().anyMatch(r -> r.id().equals(id));
        if (present) {
            ctx.balancer().removeRule(id);
        }
        ctx.state().removeRule(a.ruleId());
        run.step("rule-removed", present ? id + " removed" : id + " had already expired");
        run.finish(ActionStatus.SUCCEEDED, "rule " + id + " no longer in force");
    }

    private void setWeight(SetWeight a, ActionRun run) {
        ctx.balancer().setWeight(a.pool(), a.backendId(), a.weight());
        int now = ctx.balancer().pool(a.pool()).backends().stream().filter(b -> b.id().equals(a.backendId()))
                .findFirst().map(b -> b.weight()).orElse(-1);
        if (now != a.weight()) {
            throw new StepFailedException("backend " + a.backendId() + " has weight " + now + " (expected: " + a.weight() + ")");
        }
        ctx.state().putWeight(new WeightSetting(a.pool(), a.backendId(), a.weight(), a.originalWeight(), a.incidentId()));
        run.step("weight-set", a.pool() + "/" + a.backendId() + " = " + a.weight());
        run.finish(ActionStatus.SUCCEEDED, "weight " + a.weight());
    }

    private void setState(SetBackendState a, ActionRun run) {
        String state = switch (a.mode()) {
            case DRAIN -> "draining";
            case PAUSE -> "paused";
            case RESUME -> "active";
        };
        ctx.balancer().setState(a.pool(), a.backendId(), state);
        run.step("state-set", a.pool() + "/" + a.backendId() + " " + state);
        run.finish(ActionStatus.SUCCEEDED, "backend " + state);
    }

    /** Returns the actions running now and the last ones that ended, newest first. */
    public List<ActionView> actions() {
        List<ActionView> out = new ArrayList<>();
        running.values().forEach(r -> out.add(r.view()));
        synchronized (ended) {
            ended.forEach(r -> out.add(r.view()));
        }
        out.sort((x, y) -> Long.compare(y.startedMillis(), x.startedMillis()));
        return out;
    }

    /** Returns the actions running now. */
    public List<ActionView> running() {
        return running.values().stream().map(ActionRun::view).toList();
    }

    private void remember(ActionRun run) {
        synchronized (ended) {
            ended.addFirst(run);
            while (ended.size() > KEEP_ENDED) {
                ended.removeLast();
            }
        }
    }

    /** Waits up to {@code timeoutMillis} for running actions to end, then interrupts them. */
    @Override
    public void close() {
        close(5_000);
    }

    /** Waits up to {@code timeoutMillis} for running actions to end, then interrupts them. */
    public void close(long timeoutMillis) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ctx.stepThreads().shutdownNow();
    }

    /** Returns the journal's name for an action's kind. */
    public static String kindOf(Action action) {
        if (action instanceof AddFilterRule) {
            return "add-rule";
        } else if (action instanceof RemoveFilterRule) {
            return "remove-rule";
        } else if (action instanceof SetWeight) {
            return "set-weight";
        } else if (action instanceof SetBackendState a) {
            return "backend-" + a.mode().name().toLowerCase(Locale.ROOT);
        } else if (action instanceof MigrateVm a) {
            return a.back() ? "migrate-back" : "migrate";
        } else if (action instanceof SwitchVersion) {
            return "switch-version";
        } else if (action instanceof ScaleOut) {
            return "scale-out";
        }
        return "scale-in";
    }

    /** Returns the action as JSON with its kind: what the journal stores and reconciliation reads. */
    public static String spec(Action action, String kind) {
        ObjectNode node = JSON.valueToTree(action);
        node.put("kind", kind);
        return node.toString();
    }

    private static InFlightAction inFlight(String id, Action action, long now) {
        if (action instanceof MigrateVm a) {
            return new InFlightAction(id, InFlightKind.MIGRATION, a.vm(), a.fromHost(), a.toHost(), a.incidentId(), now);
        } else if (action instanceof SwitchVersion a) {
            return new InFlightAction(id, InFlightKind.VERSION_SWITCH, a.vm(), "", a.host(), a.incidentId(), now);
        } else if (action instanceof ScaleOut a) {
            return new InFlightAction(id, InFlightKind.SCALE_OUT, a.newVm(), "", a.host(), a.incidentId(), now);
        } else if (action instanceof ScaleIn a) {
            return new InFlightAction(id, InFlightKind.SCALE_IN, a.vm(), a.host(), "", a.incidentId(), now);
        }
        return null;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
