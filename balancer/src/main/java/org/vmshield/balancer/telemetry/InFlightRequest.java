package org.vmshield.balancer.telemetry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The request one client connection has at a backend, if any: its path and since when. Written by
 * the connection's event loop, read by the telemetry's snapshot on another thread, so that backend
 * time is counted while it is spent, not only when a request finishes: a crafted request that
 * keeps a backend busy for seconds shows from its first interval.
 *
 * <p>Release/acquire on the path, no lock and no allocation: the reader may pair a new path with
 * the previous start for one interval, which only misplaces a fraction of one interval's time.
 */
public final class InFlightRequest {
    private static final VarHandle PATH;

    static {
        try {
            PATH = MethodHandles.lookup().findVarHandle(InFlightRequest.class, "path", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through PATH
    private String path;
    private long sinceNanos;

    /** Notes that a request to {@code requestPath} went to a backend at {@code startNanos}. */
    public void begin(String requestPath, long startNanos) {
        sinceNanos = startNanos;
        PATH.setRelease(this, requestPath);
    }

    /** Notes that the request is no longer at a backend (answered or abandoned). */
    public void end() {
        PATH.setRelease(this, null);
    }

    /** Returns the path of the request at a backend, or null when there is none. */
    String path() {
        return (String) PATH.getAcquire(this);
    }

    /** Returns when the current request went to a backend (meaningful while {@link #path()} is not null). */
    long sinceNanos() {
        return sinceNanos;
    }
}
