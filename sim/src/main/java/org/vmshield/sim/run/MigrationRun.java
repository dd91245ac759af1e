package org.vmshield.sim.run;

import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.migration.PreCopyParams;
import org.vmshield.brain.model.ChangeKind;
import org.vmshield.brain.model.IncidentChange;
import org.vmshield.brain.model.InFlightAction;
import org.vmshield.brain.model.InFlightKind;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.sim.engine.EventQueue;
import org.vmshield.sim.world.SimHost;
import org.vmshield.sim.world.SimVm;
import org.vmshield.sim.world.VmPhase;
import org.vmshield.sim.world.World;

/**
 * One live migration, simulated round by round as events. Round 0 sends the guest's memory; each
 * later round sends what the guest dirtied during the previous one, at the VM's dirty rate at that
 * moment (so a VM under load dirties faster). When the remainder fits in bandwidth × downtime
 * limit, the guest pauses and the remainder is sent: that is the downtime. The bandwidth of a round
 * is the link's, shared with the other migrations on either host's NIC at the round's start. With a
 * constant dirty rate and no sharing this gives exactly {@link org.vmshield.brain.migration.PreCopyModel}'s
 * numbers. Auto-converge (when the brain chose it) throttles the guest from round 2 as QEMU does;
 * post-copy switches after the first pass and pulls the dirtied pages afterwards.
 */
final class MigrationRun {
    /** Called when the migration ends. */
    interface Listener {
        void finished(MigrationRun run, boolean completed);
    }

    final SimVm vm;
    final SimHost from;
    final SimHost to;
    final MigrateVm action;
    final long startMillis;
    private final World world;
    private final EventQueue queue;
    private final PreCopyParams params;
    private final double linkMiBPerSec;
    private final double nicMiBPerSec;
    private final Listener listener;
    int rounds;
    double sentMiB;
    double downtimeMillis;
    long endMillis;
    private double toSendMiB;

    MigrationRun(World world, EventQueue queue, PreCopyParams params, double linkMiBPerSec, double nicMiBPerSec,
            SimVm vm, SimHost to, MigrateVm action, Listener listener) {
        this.world = world;
        this.queue = queue;
        this.params = params;
        this.linkMiBPerSec = linkMiBPerSec;
        this.nicMiBPerSec = nicMiBPerSec;
        this.vm = vm;
        this.from = vm.host;
        this.to = to;
        this.action = action;
        this.listener = listener;
        this.startMillis = queue.nowMillis();
    }

    void start() {
        from.activeMigrations++;
        to.activeMigrations++;
        vm.phase = VmPhase.MIGRATING;
        vm.migrationTimesMillis.addLast(startMillis);
        world.inFlight.put(vm.name, new InFlightAction("migrate:" + vm.name + "@" + startMillis, InFlightKind.MIGRATION,
                vm.name, from.name, to.name, action.incidentId(), startMillis));
        toSendMiB = vm.memoryMiB;
        nextRound();
    }

    /** Returns the bandwidth a round gets now. */
    double bandwidthMiBPerSec() {
        double nic = Math.min(nicMiBPerSec / Math.max(1, from.activeMigrations), nicMiBPerSec / Math.max(1, to.activeMigrations));
        return Math.min(linkMiBPerSec, nic);
    }

    private void nextRound() {
        double b = bandwidthMiBPerSec();
        double roundMillis = toSendMiB / b * 1000.0;
        long at = queue.nowMillis() + Math.max(1, Math.round(roundMillis));
        double sending = toSendMiB;
        queue.schedule(at, () -> afterRound(sending, roundMillis, b));
    }

    private void afterRound(double sent, double roundMillis, double b) {
        sentMiB += sent;
        rounds++;
        double dirtied = Math.min(vm.memoryMiB, vm.dirtyRateMiBPerSec() * roundMillis / 1000.0);
        double elapsed = queue.nowMillis() - startMillis;
        double timeout = params.completionTimeoutMillisPerGiB() * Math.max(1.0, vm.memoryMiB / 1024.0);
        if (action.prediction().mode() == MigrationMode.POST_COPY && rounds == 1) {
            // switch to the destination now; the dirtied pages are pulled while it runs there
            downtimeMillis = params.postCopySwitchMillis();
            double pullMillis = dirtied / b * 1000.0;
            sentMiB += dirtied;
            queue.schedule(queue.nowMillis() + Math.round(downtimeMillis + pullMillis), () -> finish(true));
            return;
        }
        if (dirtied <= b * params.downtimeLimitMillis() / 1000.0) {
            downtimeMillis = dirtied / b * 1000.0;
            sentMiB += dirtied;
            queue.schedule(queue.nowMillis() + Math.max(0, Math.round(downtimeMillis)), () -> finish(true));
            return;
        }
        if (rounds >= params.maxRounds() || elapsed > timeout) {
            finish(false);
            return;
        }
        if (action.prediction().mode() == MigrationMode.AUTO_CONVERGE) {
            vm.throttle = vm.throttle == 0 ? params.autoConvergeInitialThrottle()
                    : Math.min(params.autoConvergeMaxThrottle(), vm.throttle + params.autoConvergeIncrement());
        }
        toSendMiB = dirtied;
        nextRound();
    }

    private void finish(boolean completed) {
        endMillis = queue.nowMillis();
        from.activeMigrations--;
        to.activeMigrations--;
        vm.throttle = 0;
        world.inFlight.remove(vm.name);
        if (completed) {
            world.place(vm, to);
            vm.pausedMillisThisTick += downtimeMillis;
            if (action.back()) {
                world.changes.removeIf(c -> c.kind() == ChangeKind.MIGRATED && c.vm().equals(vm.name));
            } else if (!action.incidentId().isEmpty()
                    && world.changes.stream().noneMatch(c -> c.kind() == ChangeKind.MIGRATED && c.vm().equals(vm.name))) {
                world.changes.add(new IncidentChange(action.incidentId(), ChangeKind.MIGRATED, vm.name, from.name, startMillis));
            }
        }
        if (vm.phase == VmPhase.MIGRATING) {
            vm.phase = VmPhase.RUNNING;
        }
        listener.finished(this, completed);
    }
}
