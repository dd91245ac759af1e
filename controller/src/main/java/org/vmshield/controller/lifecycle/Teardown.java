package org.vmshield.controller.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Closes what a run started (VMs, balancer, journal, load, temporary files), newest first, exactly
 * once: at the end of the run, or from a JVM shutdown hook on Ctrl-C or SIGTERM. A part that fails
 * to close is reported and the others still close. Used by the demo and the benchmarks.
 */
public final class Teardown implements AutoCloseable {
    private final Deque<Named> parts = new ArrayDeque<>();
    private final Consumer<String> warn;
    private final Thread hook;
    private boolean closed;

    /** Creates a teardown that reports close failures to {@code warn} and closes everything on JVM shutdown. */
    public Teardown(Consumer<String> warn) {
        this.warn = warn;
        this.hook = new Thread(this::closeAll, "vmshield-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers {@code part} to be closed (before every part registered earlier); returns it. */
    public synchronized <T extends AutoCloseable> T add(String name, T part) {
        if (closed) {
            closeOne(new Named(name, part));
            throw new IllegalStateException("the run is being torn down (Ctrl-C?): " + name + " closed at once");
        }
        parts.push(new Named(name, part));
        return part;
    }

    /** Returns true once everything was closed. */
    public synchronized boolean closed() {
        return closed;
    }

    private synchronized void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        while (!parts.isEmpty()) {
            closeOne(parts.pop());
        }
    }

    private void closeOne(Named n) {
        try {
            n.part.close();
        } catch (Exception e) {
            warn.accept("cannot close " + n.name + ": " + e);
        }
    }

    /** Closes everything now and removes the shutdown hook. */
    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running or has run.
        }
    }

    private record Named(String name, AutoCloseable part) {}
}
