package org.vmshield.balancer.proxy;

import java.net.InetAddress;
import org.vmshield.balancer.guard.Verdict;
import org.vmshield.balancer.telemetry.InFlightRequest;

/**
 * What the proxy tells the guards and the per-source/per-path telemetry of its pool, at fixed points
 * of a connection's life. Called on event loops: implementations must not block or lock.
 */
public interface TrafficHooks {
    /** Does nothing and allows everything. */
    TrafficHooks NONE = new TrafficHooks() {};

    /** Admits or refuses a new client connection. */
    default Verdict onConnectionOpen(InetAddress source, long nowNanos) {
        return Verdict.ALLOW;
    }

    /** Notes a client connection closed (only for connections that were admitted). */
    default void onConnectionClose(InetAddress source) {}

    /** Admits or refuses a request, given its path without the query. */
    default Verdict onRequest(InetAddress source, String path, long nowNanos) {
        return Verdict.ALLOW;
    }

    /**
     * Notes that an admitted connection has waited past the idle threshold without a complete
     * request head ({@code idle} true: slowloris shows here), or left that state ({@code idle} false,
     * also called before the close of a connection that was idle).
     */
    default void onConnectionIdle(InetAddress source, boolean idle) {}

    /** Notes a request refused by a guard (for the per-source telemetry). */
    default void onRefused(InetAddress source) {}

    /**
     * Notes an admitted request finished at {@code nowNanos}; {@code backendNanos} is -1 when no
     * backend answered.
     */
    default void onRequestDone(InetAddress source, String path, long backendNanos, long nowNanos) {}

    /**
     * Returns the holder through which an admitted client connection shows the request it has at a
     * backend, so that backend time is counted while it is spent (this default follows nothing).
     */
    default InFlightRequest openInFlight() {
        return new InFlightRequest();
    }

    /** Stops following a closed connection's holder. */
    default void closeInFlight(InFlightRequest request) {}
}
