package org.vmshield.controller.actuate;

import java.util.NoSuchElementException;
import org.vmshield.balancer.PoolView;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.plan.ScaleIn;
import org.vmshield.brain.plan.ScaleOut;
import org.vmshield.brain.plan.SwitchStep;
import org.vmshield.brain.plan.SwitchVersion;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;

/** Runs the actions that start or stop VMs: a blue/green version switch, a scale-out, a scale-in. */
final class VmRunner {
    /** Longest wait for a backend to drain before its last requests are cut. */
    static final long MAX_DRAIN_MILLIS = 10_000;
    private final ActuatorContext ctx;

    VmRunner(ActuatorContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Switches a VM to another version: start the new VM, check its health and version, add it to
     * the pool, drain the old backend, stop the old VM. A failure before the new VM takes traffic
     * stops it again and leaves the old one serving (rolled back).
     */
    void switchVersion(SwitchVersion a, ActionRun run) {
        VmInfo old = ctx.hypervisor().inspect(a.vm())
                .orElseThrow(() -> new StepFailedException("vm " + a.vm() + " is not running"));
        String pool = ctx.settings().poolOf(old.spec().service());
        VmSpec spec = new VmSpec(a.newVm(), old.spec().service(), a.toVersion(), old.spec().vCpus(),
                old.spec().memoryMiB(), a.host());
        VmInfo fresh;
        try {
            fresh = ctx.timed(SwitchStep.START_NEW.name(), ctx.settings().stepTimeoutMillis(),
                    () -> ctx.hypervisor().start(spec));
            run.step(SwitchStep.START_NEW.name(), a.newVm() + " (" + a.toVersion() + ") on " + a.host() + " at "
                    + fresh.endpoint());
            String version = ctx.probe().awaitOk(fresh.endpoint(), "/version", ctx.settings().stepTimeoutMillis()).trim();
            ctx.probe().awaitOk(fresh.endpoint(), ctx.settings().healthPathOf(old.spec().service()),
                    ctx.settings().stepTimeoutMillis());
            if (!version.equals(a.toVersion())) {
                throw new StepFailedException(a.newVm() + " reports version '" + version + "' (expected: " + a.toVersion() + ")");
            }
            run.step(SwitchStep.CHECK_HEALTH.name(), a.newVm() + " healthy, version " + version);
        } catch (RuntimeException e) {
            stopQuietly(a.newVm());
            throw new MigrationRunner.Rollback(e.getMessage() + "; " + a.newVm() + " stopped, " + a.vm() + " keeps serving");
        }
        int weight = weightOf(pool, a.vm());
        ctx.balancer().addBackend(pool, new BackendConfig(a.newVm(), fresh.endpoint().toString(), weight, "active"));
        VmDecl decl = ctx.state().vm(a.vm()).orElse(null);
        if (decl != null) {
            ctx.state().putVm(decl.replacedBy(a.newVm(), a.toVersion(), a.host()));
        }
        run.step(SwitchStep.SHIFT_TRAFFIC.name(), a.newVm() + " added to pool " + pool + " with weight " + weight);
        drainAndStop(pool, a.vm(), run, SwitchStep.DRAIN_OLD.name(), SwitchStep.STOP_OLD.name());
        run.finish(ActionStatus.SUCCEEDED, a.vm() + " (" + a.fromVersion() + ") replaced by " + a.newVm() + " ("
                + a.toVersion() + ") on " + a.host());
    }

    /** Starts a replica, checks its health, adds it to the pool. */
    void scaleOut(ScaleOut a, ActionRun run) {
        VmDecl template = ctx.state().vms().stream().filter(v -> v.service().equals(a.service())).findFirst().orElse(null);
        int vcpus = Math.max(1, Math.min(8, (int) Math.ceil(a.cpuCapCores())));
        VmSpec spec = new VmSpec(a.newVm(), a.service(), a.version(), vcpus, a.memoryMiB(), a.host());
        VmInfo fresh;
        try {
            fresh = ctx.timed("start-new", ctx.settings().stepTimeoutMillis(), () -> ctx.hypervisor().start(spec));
            run.step("start-new", a.newVm() + " on " + a.host() + " at " + fresh.endpoint());
            ctx.probe().awaitOk(fresh.endpoint(), ctx.settings().healthPathOf(a.service()), ctx.settings().stepTimeoutMillis());
            run.step("check-health", a.newVm() + " healthy");
        } catch (RuntimeException e) {
            stopQuietly(a.newVm());
            throw new MigrationRunner.Rollback(e.getMessage() + "; " + a.newVm() + " stopped");
        }
        ctx.balancer().addBackend(a.pool(), new BackendConfig(a.newVm(), fresh.endpoint().toString(), null, "active"));
        if (template != null) {
            ctx.state().putVm(template.replacedBy(a.newVm(), a.version(), a.host()));
        }
        if (!a.incidentId().isEmpty()) {
            ctx.state().addChange(new IncidentChange(a.incidentId(), ChangeKind.SCALED_OUT, a.newVm(), "",
                    ctx.clockMillis().getAsLong()));
        }
        run.step("add-backend", a.newVm() + " added to pool " + a.pool());
        run.finish(ActionStatus.SUCCEEDED, a.service() + " scaled out with " + a.newVm() + " on " + a.host());
    }

    /** Drains a replica, removes it from the pool and stops it. */
    void scaleIn(ScaleIn a, ActionRun run) {
        if (ctx.hypervisor().inspect(a.vm()).isEmpty()) {
            throw new StepFailedException("vm " + a.vm() + " is not running");
        }
        drainAndStop(a.pool(), a.vm(), run, "drain", "stop");
        ctx.state().removeChanges(a.vm(), ChangeKind.SCALED_OUT);
        run.finish(ActionStatus.SUCCEEDED, a.vm() + " drained and stopped");
    }

    private void drainAndStop(String pool, String vm, ActionRun run, String drainStep, String stopStep) {
        ctx.balancer().setState(pool, vm, "draining");
        try {
            // Capped: under a cost attack the old VM holds slow requests for minutes; they are cut.
            ctx.await(drainStep, Math.min(MAX_DRAIN_MILLIS, ctx.settings().stepTimeoutMillis()),
                    () -> outstanding(pool, vm) == 0);
            run.step(drainStep, vm + " drained");
        } catch (StepFailedException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            // A backend that does not drain in time still has to go: its last requests are cut.
            run.step(drainStep, vm + " not drained in time (" + outstanding(pool, vm) + " requests cut)");
        }
        ctx.balancer().removeBackend(pool, vm);
        ctx.state().removeWeight(pool, vm);
        ctx.timed(stopStep, ctx.settings().stepTimeoutMillis(), () -> {
            ctx.hypervisor().stop(vm);
            return null;
        });
        ctx.state().removeVm(vm);
        run.step(stopStep, vm + " removed from pool " + pool + " and stopped");
    }

    private int outstanding(String pool, String vm) {
        try {
            for (PoolView.BackendView b : ctx.balancer().pool(pool).backends()) {
                if (b.id().equals(vm)) {
                    return b.outstanding() + b.held();
                }
            }
        } catch (NoSuchElementException e) {
            return 0;
        }
        return 0;
    }

    private int weightOf(String pool, String vm) {
        for (PoolView.BackendView b : ctx.balancer().pool(pool).backends()) {
            if (b.id().equals(vm)) {
                return b.weight();
            }
        }
        return BackendConfig.DEFAULT_WEIGHT;
    }

    private void stopQuietly(String vm) {
        try {
            if (ctx.hypervisor().inspect(vm).isPresent()) {
                ctx.hypervisor().stop(vm);
            }
        } catch (RuntimeException ignored) {
            // Best effort: the VM may never have started.
        }
    }
}
