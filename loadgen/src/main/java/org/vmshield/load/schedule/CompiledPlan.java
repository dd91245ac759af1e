package org.vmshield.load.schedule;

import java.util.List;

/**
 * A plan turned into streams, ready for the engine.
 *
 * @param requests the request streams
 * @param connections the connection-holding streams
 */
public record CompiledPlan(List<RequestStream> requests, List<ConnectionStream> connections) {
    /** Copies the lists. */
    public CompiledPlan {
        requests = List.copyOf(requests);
        connections = List.copyOf(connections);
    }
}
