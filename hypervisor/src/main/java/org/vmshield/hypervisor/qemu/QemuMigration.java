package org.vmshield.hypervisor.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.MigrationFailedException;
import org.vmshield.hypervisor.MigrationHandle;
import org.vmshield.hypervisor.MigrationListener;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationPhase;
import org.vmshield.hypervisor.MigrationProgress;
import org.vmshield.hypervisor.MigrationResult;

/**
 * One live migration over QMP, run on its own thread: start the target QEMU with
 * {@code -incoming defer}, set capabilities and parameters, {@code migrate-incoming} on the
 * target, {@code migrate} on the source, then poll {@code query-migrate} (woken early by MIGRATION
 * events) until it completes, fails or is cancelled, enforcing the guard rails meanwhile.
 */
final class QemuMigration implements MigrationHandle {
    private static final Logger log = LoggerFactory.getLogger(QemuMigration.class);
    static final long POLL_MILLIS = 50;

    private final QemuHypervisor hypervisor;
    private final VmRecord vm;
    private final QemuInstance source;
    private final String sourceHost;
    private final String targetHost;
    private final MigrationOptions options; // null: bare migrate with QEMU's defaults (the bench's baseline)
    private final MigrationListener listener;
    private final CompletableFuture<MigrationResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean migrateIssued;
    private volatile String guardRailReason;
    private volatile boolean targetDied;
    // event timestamps (QEMU's realtime clock, microseconds), for when QEMU's own figures are missing
    private volatile long migrateIssuedMicros;
    private volatile long sourceStopMicros;
    private volatile long completedMicros;
    private volatile long targetResumeMicros;

    QemuMigration(QemuHypervisor hypervisor, VmRecord vm, QemuInstance source, String sourceHost, String targetHost,
            MigrationOptions options, MigrationListener listener) {
        this.hypervisor = hypervisor;
        this.vm = vm;
        this.source = source;
        this.sourceHost = sourceHost;
        this.targetHost = targetHost;
        this.options = options;
        this.listener = listener;
    }

    void start() {
        Thread t = new Thread(this::run, "vmshield-migrate-" + source.spec.name());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public String vm() {
        return source.spec.name();
    }

    @Override
    public String targetHost() {
        return targetHost;
    }

    @Override
    public CompletableFuture<MigrationResult> result() {
        return result;
    }

    @Override
    public boolean cancel() {
        if (result.isDone()) {
            return false;
        }
        if (cancelRequested.compareAndSet(false, true)) {
            sendCancel();
        }
        return true;
    }

    private void sendCancel() {
        if (migrateIssued) {
            source.qmp().send("migrate_cancel", null, Duration.ofSeconds(5));
        }
        wake.release();
    }

    private void run() {
        long t0 = System.nanoTime();
        QemuInstance target = null;
        try {
            report(MigrationPhase.SETUP, t0, null);
            target = hypervisor.launchIncoming(vm, targetHost);
            if (cancelRequested.get()) {
                throw new MigrationFailedException("migration of " + vm() + " cancelled before the copy started", true, null);
            }
            AutoCloseable targetEvents = target.qmp().onEvent(e -> {
                if (e.name().equals("RESUME") && targetResumeMicros == 0) {
                    targetResumeMicros = e.timestampMicros();
                }
            });
            String uri = prepareTarget(target);
            prepareSource();
            AutoCloseable subscription = source.qmp().onEvent(e -> {
                if (e.name().equals("STOP") && migrateIssuedMicros > 0) {
                    sourceStopMicros = e.timestampMicros();
                }
                if (e.name().equals("MIGRATION") && "completed".equals(e.data().path("status").asText())) {
                    completedMicros = e.timestampMicros();
                }
                if (e.name().startsWith("MIGRATION")) {
                    wake.release();
                }
            });
            try {
                migrateIssuedMicros = System.currentTimeMillis() * 1000;
                source.call("migrate", QemuHypervisor.JSON.createObjectNode().put("uri", uri));
                migrateIssued = true;
                if (cancelRequested.get()) {
                    sendCancel();
                }
                JsonNode last = followCopy(t0, target);
                finish(t0, target, last);
            } finally {
                subscription.close();
                targetEvents.close();
            }
        } catch (Throwable e) {
            fail(target, e);
        }
    }

    private String prepareTarget(QemuInstance target) {
        target.call("migrate-set-capabilities", capabilities(false));
        if (options != null && options.multifdChannels() > 0) {
            target.call("migrate-set-parameters",
                    QemuHypervisor.JSON.createObjectNode().put("multifd-channels", options.multifdChannels()));
        }
        // port 0: QEMU picks a free port inside the target's network namespace and reports it
        target.call("migrate-incoming", QemuHypervisor.JSON.createObjectNode().put("uri", "tcp:127.0.0.1:0"));
        JsonNode q = target.call("query-migrate", null);
        for (JsonNode addr : q.path("socket-address")) {
            String port = addr.path("port").asText();
            if (!port.isEmpty() && !"0".equals(port)) {
                return "tcp:127.0.0.1:" + port;
            }
        }
        throw new HypervisorException("target QEMU " + target + " did not report its incoming port: " + q);
    }

    private void prepareSource() {
        source.call("migrate-set-capabilities", capabilities(true));
        ObjectNode params = QemuHypervisor.JSON.createObjectNode();
        if (options != null) {
            params.put("max-bandwidth", options.maxBandwidthBytesPerSec());
            params.put("downtime-limit", options.downtimeLimitMillis());
            if (options.multifdChannels() > 0) {
                params.put("multifd-channels", options.multifdChannels());
            }
            source.call("migrate-set-parameters", params);
        }
    }

    private ObjectNode capabilities(boolean sourceSide) {
        ArrayNode caps = QemuHypervisor.JSON.createArrayNode();
        caps.addObject().put("capability", "events").put("state", true);
        if (options != null) {
            if (sourceSide) {
                caps.addObject().put("capability", "auto-converge").put("state", options.autoConverge());
            }
            caps.addObject().put("capability", "postcopy-ram").put("state", options.postCopy());
            caps.addObject().put("capability", "multifd").put("state", options.multifdChannels() > 0);
        }
        ObjectNode args = QemuHypervisor.JSON.createObjectNode();
        args.set("capabilities", caps);
        return args;
    }

    /** Polls the source until the migration ends; returns the final query-migrate answer. */
    private JsonNode followCopy(long t0, QemuInstance target) throws InterruptedException {
        long copyStart = System.nanoTime();
        long deadline = options == null ? Long.MAX_VALUE
                : copyStart + options.completionTimeoutFor(source.spec.memoryMiB()).toNanos();
        long lastTransferred = -1;
        long lastMoveNanos = copyStart;
        boolean postcopyStarted = false;
        boolean guardFired = false;
        while (true) {
            JsonNode q = source.call("query-migrate", null);
            String status = q.path("status").asText();
            switch (status) {
                case "completed", "failed", "cancelled" -> {
                    return q;
                }
                default -> { }
            }
            report(phaseOf(status), t0, q);
            long now = System.nanoTime();
            long transferred = q.path("ram").path("transferred").asLong();
            if (transferred != lastTransferred) {
                lastTransferred = transferred;
                lastMoveNanos = now;
            }
            if (options != null && !guardFired && !status.startsWith("postcopy")) {
                String reason = null;
                if (now > deadline) {
                    reason = "completion timeout of " + options.completionTimeoutFor(source.spec.memoryMiB()).toMillis() + " ms";
                } else if (now - lastMoveNanos > options.progressTimeout().toNanos()) {
                    reason = "no progress for " + options.progressTimeout().toMillis() + " ms";
                }
                if (reason != null) {
                    guardFired = true;
                    guardRailReason = reason;
                    if (options.onTimeout() == MigrationOptions.TimeoutAction.POSTCOPY && !postcopyStarted) {
                        log.warn("migration of {}: {}: switching to post-copy", vm(), reason);
                        postcopyStarted = true;
                        source.call("migrate-start-postcopy", null);
                    } else {
                        log.warn("migration of {}: {}: cancelling", vm(), reason);
                        source.qmp().send("migrate_cancel", null, Duration.ofSeconds(5));
                    }
                }
            }
            if (!target.alive() && !targetDied && !cancelRequested.get() && !guardFired) {
                // the source notices the lost channel by itself; cancelling makes it prompt
                targetDied = true;
                source.qmp().send("migrate_cancel", null, Duration.ofSeconds(5));
            }
            wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(long t0, QemuInstance target, JsonNode last) {
        String status = last.path("status").asText();
        log.debug("migration of {} ended: {}", vm(), last);
        if (!"completed".equals(status)) {
            // a cancel makes the target QEMU exit too, so its death alone does not make this a failure
            boolean cancelled = "cancelled".equals(status) && !targetDied;
            String why = targetDied ? "failed: the target QEMU died (" + target.qemuOutput() + ")"
                    : cancelled
                    ? (guardRailReason != null ? "cancelled by its guard rail: " + guardRailReason : "cancelled")
                    : "failed: " + last.path("error-desc").asText("QEMU gave no reason")
                            + (target.alive() ? "" : " (the target QEMU is gone)");
            throw new MigrationFailedException("migration of " + vm() + " to " + targetHost + " " + why,
                    cancelled, null);
        }
        waitRunning(target);
        if (hypervisor.networkMode().equals("bridge")) {
            // tell the bridge (and clients' ARP caches) where the VM's MAC lives now
            target.call("announce-self", QemuHypervisor.JSON.createObjectNode()
                    .put("initial", 50).put("max", 550).put("rounds", 5).put("step", 100));
        }
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        JsonNode ram = last.path("ram");
        long totalMillis = last.path("total-time").asLong();
        long downtimeMillis = last.path("downtime").asLong();
        awaitResumeEvent();
        if (totalMillis == 0) {
            // QEMU 7.2 reports 0 for both when this source was itself the target of an earlier
            // migration: measure them from the events instead (source STOP to target RESUME)
            if (completedMicros > migrateIssuedMicros && migrateIssuedMicros > 0) {
                totalMillis = (completedMicros - migrateIssuedMicros) / 1000;
            }
            if (sourceStopMicros > 0 && targetResumeMicros > sourceStopMicros) {
                downtimeMillis = (targetResumeMicros - sourceStopMicros) / 1000;
            }
        }
        QemuInstance old = hypervisor.completeMigration(vm, target, sourceHost);
        old.quit(Duration.ofSeconds(2));
        MigrationResult r = new MigrationResult(vm(), sourceHost, targetHost, totalMillis,
                wallMillis, downtimeMillis, ram.path("transferred").asLong(),
                ram.path("dirty-sync-count").asLong(), target.endpoint, guardRailReason != null);
        notifyListener(new MigrationProgress(vm(), MigrationPhase.COMPLETED, wallMillis,
                r.passes(), r.transferredBytes(), 0, ram.path("total").asLong(), 0, r.downtimeMillis(), 0));
        log.info("{}", r.summary());
        result.complete(r);
    }

    private void awaitResumeEvent() {
        // events are delivered on the QMP client's thread, a moment after query-status said running
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (targetResumeMicros == 0 && System.nanoTime() < deadline) {
            QemuHypervisor.pause(5);
        }
    }

    private void waitRunning(QemuInstance target) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode s = target.call("query-status", null);
            if (s.path("running").asBoolean()) {
                return;
            }
            if (!target.alive()) {
                break;
            }
            QemuHypervisor.pause(20);
        }
        throw new HypervisorException("the target QEMU " + target + " did not run after the migration completed");
    }

    private void fail(QemuInstance target, Throwable e) {
        if (target != null) {
            target.kill();
        }
        boolean sourceAlive = source.alive() && ensureSourceRuns();
        hypervisor.abortMigration(vm, targetHost, sourceAlive);
        MigrationFailedException failure = e instanceof MigrationFailedException mf ? mf
                : new MigrationFailedException("migration of " + vm() + " to " + targetHost + " failed: "
                        + e.getMessage(), cancelRequested.get(), e);
        log.info("{}; the VM stays on {}", failure.getMessage(), sourceHost);
        notifyListener(new MigrationProgress(vm(), failure.cancelled() ? MigrationPhase.CANCELLED
                : MigrationPhase.FAILED, 0, 0, 0, 0, 0, 0, 0, 0));
        result.completeExceptionally(failure);
    }

    /** Resumes the source if the failed migration left it paused; returns whether it runs. */
    private boolean ensureSourceRuns() {
        try {
            JsonNode s = source.call("query-status", null);
            if (!s.path("running").asBoolean()) {
                String st = s.path("status").asText();
                if (st.equals("postmigrate") || st.equals("paused") || st.equals("finish-migrate")) {
                    source.call("cont", null);
                }
            }
            return source.call("query-status", null).path("running").asBoolean();
        } catch (RuntimeException e) {
            log.warn("cannot check the source of {} after a failed migration: {}", vm(), e.toString());
            return source.alive();
        }
    }

    private static MigrationPhase phaseOf(String status) {
        return switch (status) {
            case "none", "setup" -> MigrationPhase.SETUP;
            case "postcopy-active", "postcopy-paused", "postcopy-recover" -> MigrationPhase.POSTCOPY;
            default -> MigrationPhase.PRECOPY;
        };
    }

    private void report(MigrationPhase phase, long t0, JsonNode q) {
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        if (q == null) {
            notifyListener(new MigrationProgress(vm(), phase, elapsed, 0, 0, 0, 0, 0, 0, 0));
            return;
        }
        JsonNode ram = q.path("ram");
        long pageSize = ram.path("page-size").asLong(4096);
        notifyListener(new MigrationProgress(vm(), phase, elapsed, ram.path("dirty-sync-count").asLong(),
                ram.path("transferred").asLong(), ram.path("remaining").asLong(), ram.path("total").asLong(),
                ram.path("dirty-pages-rate").asLong() * pageSize, q.path("expected-downtime").asLong(),
                q.path("cpu-throttle-percentage").asInt()));
    }

    /** Calls the caller's listener; a listener that throws must not break the migration. */
    private void notifyListener(MigrationProgress p) {
        try {
            listener.onProgress(p);
        } catch (RuntimeException e) {
            log.warn("migration listener failed: {}", e.toString());
        }
    }
}
