package org.vmshield.sim.run;

import org.vmshield.brain.migration.PreCopyParams;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.IncidentChange;
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
import org.vmshield.sim.engine.EventQueue;
import org.vmshield.sim.scenario.ModelSettings;
import org.vmshield.sim.world.SimHost;
import org.vmshield.sim.world.SimService;
import org.vmshield.sim.world.SimVm;
import org.vmshield.sim.world.VmPhase;
import org.vmshield.sim.world.World;

/**
 * Carries out the brain's actions in the model, as the actuator does live: rules and weights at
 * once; migrations round by round ({@link MigrationRun}); version switches blue/green (start the new
 * VM, boot and health delay, shift traffic, drain the old one, stop it); replicas started after a
 * boot and health delay, stopped after a drain. An action the model cannot carry out (a VM that is
 * gone or busy, an unknown host) is counted as rejected and changes nothing.
 */
final class ActionExecutor {
    private final World world;
    private final EventQueue queue;
    private final ModelSettings settings;
    private final PreCopyParams preCopy;
    private final Metrics metrics;

    ActionExecutor(World world, EventQueue queue, ModelSettings settings, Metrics metrics) {
        this.world = world;
        this.queue = queue;
        this.settings = settings;
        this.preCopy = PreCopyParams.DEFAULTS.withDowntimeLimitMillis(settings.downtimeLimitMillis());
        this.metrics = metrics;
    }

    /** Carries out one action; returns false (and changes nothing) when the model cannot. */
    boolean execute(Action a) {
        boolean ok;
        if (a instanceof AddFilterRule r) {
            world.rules.put(r.rule().id(), r.rule());
            ok = true;
        } else if (a instanceof RemoveFilterRule r) {
            ok = world.rules.remove(r.ruleId()) != null;
        } else if (a instanceof SetWeight w) {
            ok = setWeight(w);
        } else if (a instanceof SetBackendState s) {
            ok = setBackendState(s);
        } else if (a instanceof MigrateVm m) {
            ok = migrate(m);
        } else if (a instanceof SwitchVersion s) {
            ok = switchVersion(s);
        } else if (a instanceof ScaleOut s) {
            ok = scaleOut(s);
        } else if (a instanceof ScaleIn s) {
            ok = scaleIn(s);
        } else {
            ok = false;
        }
        if (ok) {
            metrics.count(metrics.actions, a.getClass().getSimpleName());
        } else {
            metrics.rejected++;
        }
        return ok;
    }

    /** Drops the rules whose TTL has passed, as the balancer does by itself. */
    void expireRules(long nowMillis) {
        world.rules.values().removeIf(r -> r.expiresAtMillis() <= nowMillis);
    }

    private boolean setWeight(SetWeight w) {
        SimVm v = world.vms.get(w.backendId());
        if (v == null || !v.service.name.equals(w.pool())) {
            return false;
        }
        v.weight = w.weight();
        String key = w.pool() + "/" + w.backendId();
        if (w.weight() == w.originalWeight()) {
            world.weights.remove(key);
        } else {
            world.weights.put(key, new WeightSetting(w.pool(), w.backendId(), w.weight(), w.originalWeight(), w.incidentId()));
        }
        return true;
    }

    private boolean setBackendState(SetBackendState s) {
        SimVm v = world.vms.get(s.backendId());
        if (v == null || !v.service.name.equals(s.pool())) {
            return false;
        }
        v.backendState = switch (s.mode()) {
            case DRAIN -> "draining";
            case PAUSE -> "paused";
            case RESUME -> "active";
        };
        return true;
    }

    private boolean migrate(MigrateVm m) {
        SimVm v = world.vms.get(m.vm());
        SimHost to = world.hostByName.get(m.toHost());
        if (v == null || to == null || !v.host.name.equals(m.fromHost()) || v.phase != VmPhase.RUNNING
                || world.inFlight.containsKey(v.name) || !m.prediction().converges()) {
            return false;
        }
        metrics.migStarted++;
        new MigrationRun(world, queue, preCopy, settings.migrationBandwidthMiBPerSec(), settings.hostNicMiBPerSec(), v, to, m,
                (run, completed) -> {
                    if (completed) {
                        metrics.migCompleted++;
                        metrics.migSeconds += (run.endMillis - run.startMillis) / 1000.0;
                        metrics.migDowntimeMillis += run.downtimeMillis;
                        metrics.migMaxDowntimeMillis = Math.max(metrics.migMaxDowntimeMillis, run.downtimeMillis);
                    } else {
                        metrics.migFailed++;
                    }
                    metrics.migSentMiB += run.sentMiB;
                }).start();
        return true;
    }

    private boolean switchVersion(SwitchVersion s) {
        SimVm old = world.vms.get(s.vm());
        SimHost host = world.hostByName.get(s.host());
        if (old == null || host == null || world.vms.containsKey(s.newVm()) || old.phase != VmPhase.RUNNING
                || world.inFlight.containsKey(old.name)) {
            return false;
        }
        long now = queue.nowMillis();
        SimVm fresh = new SimVm(s.newVm(), old.service, s.toVersion(), old.vcpus, old.cpuCapCores, old.memoryMiB,
                old.idleDirtyMiBPerSec, old.dirtyMiBPerSecPerCore, old.criticality, old.migration, old.antiAffinity,
                VmPhase.STARTING);
        world.add(fresh, host);
        String id = "switch:" + old.name + "@" + now;
        world.inFlight.put(old.name, new InFlightAction(id, InFlightKind.VERSION_SWITCH, old.name, old.host.name, host.name,
                s.incidentId(), now));
        world.inFlight.put(fresh.name, new InFlightAction(id + "/new", InFlightKind.VERSION_SWITCH, fresh.name, "", host.name,
                s.incidentId(), now));
        queue.schedule(now + settings.bootMillis() + settings.healthDelayMillis(), () -> {
            // healthy: shift traffic to the new VM, drain the old one
            fresh.phase = VmPhase.RUNNING;
            fresh.weight = old.weight;
            world.inFlight.remove(fresh.name);
            old.backendState = "draining";
            old.phase = VmPhase.STOPPING;
            queue.schedule(queue.nowMillis() + settings.drainMillis(), () -> {
                world.remove(old);
                world.inFlight.remove(old.name);
                metrics.count(metrics.actions, "SwitchVersion.completed");
            });
        });
        return true;
    }

    private boolean scaleOut(ScaleOut s) {
        SimService svc = world.serviceByName.get(s.service());
        SimHost host = world.hostByName.get(s.host());
        if (svc == null || host == null || world.vms.containsKey(s.newVm())) {
            return false;
        }
        long now = queue.nowMillis();
        SimVm fresh = new SimVm(s.newVm(), svc, s.version(), Math.max(1, (int) Math.ceil(s.cpuCapCores())), s.cpuCapCores(),
                s.memoryMiB(), svc.replicaIdleDirty, svc.replicaDirtyPerCore, svc.criticality,
                org.vmshield.brain.model.MigrationOptions.PRE_COPY_ONLY, java.util.List.of(), VmPhase.STARTING);
        world.add(fresh, host);
        world.inFlight.put(fresh.name, new InFlightAction("scale-out:" + fresh.name + "@" + now, InFlightKind.SCALE_OUT,
                fresh.name, "", host.name, s.incidentId(), now));
        world.changes.add(new IncidentChange(s.incidentId(), ChangeKind.SCALED_OUT, fresh.name, "", now));
        queue.schedule(now + settings.bootMillis() + settings.healthDelayMillis(), () -> {
            fresh.phase = VmPhase.RUNNING;
            world.inFlight.remove(fresh.name);
        });
        return true;
    }

    private boolean scaleIn(ScaleIn s) {
        SimVm v = world.vms.get(s.vm());
        if (v == null || v.phase != VmPhase.RUNNING || world.inFlight.containsKey(v.name)) {
            return false;
        }
        long now = queue.nowMillis();
        v.backendState = "draining";
        v.phase = VmPhase.STOPPING;
        world.inFlight.put(v.name, new InFlightAction("scale-in:" + v.name + "@" + now, InFlightKind.SCALE_IN, v.name,
                v.host.name, "", s.incidentId(), now));
        queue.schedule(now + settings.drainMillis(), () -> {
            world.remove(v);
            world.inFlight.remove(v.name);
        });
        return true;
    }
}
