package org.vmshield.controller.actuate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.hypervisor.MigrationHandle;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationPhase;
import org.vmshield.hypervisor.MigrationResult;
import org.vmshield.hypervisor.VmInfo;

/**
 * Runs one live migration: start it through the hypervisor; with user networking pause the
 * backend once the first full copy is done (the switchover is near), switch its address after
 * QEMU reports completion and resume it; with bridge networking touch nothing. Done only when the
 * hypervisor shows the VM on the target and its service answers at its (new) endpoint.
 */
final class MigrationRunner {
    private final ActuatorContext ctx;

    MigrationRunner(ActuatorContext ctx) {
        this.ctx = ctx;
    }

    void run(MigrateVm a, ActionRun run) {
        VmInfo before = ctx.hypervisor().inspect(a.vm())
                .orElseThrow(() -> new StepFailedException("vm " + a.vm() + " is not running"));
        if (!before.host().equals(a.fromHost())) {
            throw new StepFailedException("vm " + a.vm() + " runs on " + before.host() + " (expected: " + a.fromHost() + ")");
        }
        String service = before.spec().service();
        String pool = ctx.settings().poolOf(service);
        boolean user = ctx.settings().userNetworking();
        AtomicBoolean paused = new AtomicBoolean();
        MigrationOptions options = MigrationOptions.defaults()
                .withDowntimeLimitMillis(Math.max(1, Math.min(2_000_000, a.downtimeLimitMillis())))
                .withAutoConverge(a.options().allowAutoConverge())
                .withPostCopy(a.options().allowPostCopy());
        long startedAt = ctx.clockMillis().getAsLong();
        MigrationHandle handle = ctx.hypervisor().migrate(a.vm(), a.toHost(), options, p -> {
            if (p.totalBytes() > 0) {
                run.progress((int) (100 * Math.min(1.0, (double) p.transferredBytes() / p.totalBytes())));
            }
            // The first full pass is done: the switchover is near, hold new requests until it is over.
            if (user && (p.pass() >= 2 || p.phase() == MigrationPhase.POSTCOPY) && paused.compareAndSet(false, true)) {
                ctx.balancer().setState(pool, a.vm(), "paused");
            }
        });
        ctx.state().recordMigration(a.vm(), startedAt);
        run.step("migration-started", a.fromHost() + "->" + a.toHost() + " downtime limit "
                + options.downtimeLimitMillis() + " ms" + (user ? " (user networking)" : " (bridge networking)"));
        MigrationResult result;
        try {
            result = handle.result().get(ctx.settings().migrationTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ctx.hypervisor().cancelMigration(a.vm());
            restoreSource(before, pool, paused.get());
            throw new Rollback("migration did not complete within " + ctx.settings().migrationTimeoutMillis()
                    + " ms: cancelled, " + where(a.vm()));
        } catch (ExecutionException e) {
            restoreSource(before, pool, paused.get());
            throw new Rollback("migration failed: " + e.getCause().getMessage() + "; " + where(a.vm()));
        } catch (InterruptedException e) {
            ctx.hypervisor().cancelMigration(a.vm());
            restoreSource(before, pool, paused.get());
            Thread.currentThread().interrupt();
            throw new Rollback("interrupted: migration cancelled, " + where(a.vm()));
        }
        run.progress(100);
        run.step("qemu-completed", result.summary());
        if (user) {
            if (paused.compareAndSet(false, true)) {
                ctx.balancer().setState(pool, a.vm(), "paused");
            }
            // Address first, then state: resuming releases the held requests to the new address.
            ctx.balancer().updateBackend(pool, a.vm(), null, "active", result.endpoint().toString());
            run.step("address-switched", before.endpoint() + " -> " + result.endpoint() + ", backend resumed");
        } else if (!result.endpoint().equals(before.endpoint())) {
            ctx.balancer().setAddress(pool, a.vm(), result.endpoint().toString());
            run.step("address-switched", before.endpoint() + " -> " + result.endpoint());
        }
        VmInfo after = ctx.hypervisor().inspect(a.vm())
                .orElseThrow(() -> new StepFailedException("vm " + a.vm() + " is gone after its migration"));
        if (!after.host().equals(a.toHost())) {
            throw new StepFailedException("vm " + a.vm() + " runs on " + after.host() + " after its migration (expected: "
                    + a.toHost() + ")");
        }
        ctx.probe().awaitOk(after.endpoint(), ctx.settings().healthPathOf(service), ctx.settings().stepTimeoutMillis());
        run.step("serving-verified", a.vm() + " answers at " + after.endpoint() + " on " + a.toHost());
        if (a.back()) {
            ctx.state().removeChanges(a.vm(), ChangeKind.MIGRATED);
        } else if (!a.incidentId().isEmpty()) {
            ctx.state().addChange(new IncidentChange(a.incidentId(), ChangeKind.MIGRATED, a.vm(), a.fromHost(), startedAt));
        }
        run.finish(ActionStatus.SUCCEEDED, result.summary());
    }

    private void restoreSource(VmInfo before, String pool, boolean paused) {
        if (paused) {
            ctx.balancer().updateBackend(pool, before.name(), null, "active", before.endpoint().toString());
        }
    }

    private String where(String vm) {
        return ctx.hypervisor().inspect(vm).map(v -> "vm stays on " + v.host()).orElse("vm is gone");
    }

    /** The migration did not happen and the VM serves from its source: the action is rolled back. */
    static final class Rollback extends RuntimeException {
        Rollback(String message) {
            super(message);
        }
    }
}
