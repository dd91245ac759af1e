package org.vmshield.hypervisor.qmp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads shared by every {@link QmpClient}: command timeouts and reply completion. */
final class QmpThreads {
    /** Fires per-command timeouts; one thread is plenty, the tasks only fail a future. */
    static final ScheduledThreadPoolExecutor TIMEOUTS = newTimeouts();

    /**
     * Completes reply futures, so that callers' dependent stages never run on (and never block)
     * a client's reader thread. Threads are created on demand and die when idle.
     */
    static final ExecutorService COMPLETIONS = new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("qmp-completion-"));

    private QmpThreads() {}

    /** Returns a factory of daemon threads named {@code prefix} plus a counter. */
    static ThreadFactory daemon(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ScheduledThreadPoolExecutor newTimeouts() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemon("qmp-timeouts-"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
