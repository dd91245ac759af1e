package org.vmshield.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vmshield.load.engine.LoadEngine;
import org.vmshield.load.stats.SecondFigures;

/**
 * A started load run. It stops by itself after the plan's duration (then waits at most the
 * request timeout for requests in flight); {@link #stop()} ends it early; {@link #close()} stops
 * it and waits for its threads to end.
 */
public final class LoadRun implements AutoCloseable {
    private final LoadEngine engine;

    LoadRun(LoadEngine engine) {
        this.engine = engine;
    }

    /** Returns the future that completes with the report when the run has ended and released everything. */
    public CompletableFuture<LoadReport> completion() {
        return engine.completion();
    }

    /** Waits for the report at most {@code timeout}. */
    public LoadReport awaitReport(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return engine.completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("load run failed", e.getCause());
        }
    }

    /** Returns the monotonic time ({@link LoadClock}) of the run's start: second 0 of the series. */
    public long startNanos() {
        return engine.runStartNanos();
    }

    /** Returns the wall-clock time of the run's start. */
    public Instant startedAt() {
        return engine.startedAt();
    }

    /** Returns the seconds completed so far (a snapshot; safe from any thread). */
    public List<SecondFigures> secondsSoFar() {
        return engine.secondsSoFar();
    }

    /** Stops generating load now; requests in flight finish or time out, then the run completes. */
    public void stop() {
        engine.stop();
    }

    /** Stops the run and waits (at most the request timeout plus 5 s) for it to release everything. */
    @Override
    public void close() {
        stop();
        try {
            engine.completion().get(engine.requestTimeoutMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the caller's interrupt; the run still ends by itself
        } catch (ExecutionException | TimeoutException e) {
            // the report is lost, but the run's loop is shutting down and its threads are daemons
        }
    }
}
