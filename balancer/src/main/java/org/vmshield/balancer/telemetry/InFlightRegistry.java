package org.vmshield.balancer.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open client connections of one pool, as {@link InFlightRequest}s, so that a snapshot can add the
 * backend time of the requests still in flight. Connections join and leave once each (not per
 * request); the snapshot walks them once per interval.
 */
final class InFlightRegistry {
    /** Receives one request in flight: its path and since when it has been at a backend. */
    interface Visitor {
        void visit(String path, long sinceNanos);
    }

    private final Set<InFlightRequest> open = ConcurrentHashMap.newKeySet();

    /** Returns a new holder for a connection that has just opened, and tracks it. */
    InFlightRequest open() {
        InFlightRequest r = new InFlightRequest();
        open.add(r);
        return r;
    }

    /** Stops tracking a connection's holder (the connection closed). */
    void close(InFlightRequest r) {
        open.remove(r);
    }

    /** Returns how many connections are tracked. */
    int size() {
        return open.size();
    }

    /** Calls {@code visitor} for every tracked connection with a request at a backend. */
    void forEachInFlight(Visitor visitor) {
        for (InFlightRequest r : open) {
            String p = r.path();
            if (p != null) {
                visitor.visit(p, r.sinceNanos());
            }
        }
    }
}
