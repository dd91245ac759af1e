package org.vmshield.controller.config;

import java.util.List;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.ServiceVersion;

/**
 * A service behind the balancer: one pool, one listener on 127.0.0.1.
 *
 * @param name service name
 * @param pool its balancer pool (default: the service name)
 * @param listenPort port of its listener on 127.0.0.1 (0: any free port)
 * @param criticality how much it matters
 * @param versions versions (guest images) available, oldest first, with their known-vulnerable paths
 * @param patchedVersion version to switch to when a known flaw is attacked; empty for none
 * @param minReplicas fewest VMs it may be scaled in to
 * @param maxReplicas most VMs it may be scaled out to
 * @param healthPath path the balancer and the actuator check, default {@code /health}
 */
public record ServiceDecl(String name, String pool, int listenPort, Criticality criticality,
        List<ServiceVersion> versions, String patchedVersion, int minReplicas, int maxReplicas, String healthPath) {
    public ServiceDecl {
        versions = List.copyOf(versions);
    }

    /** Returns true when {@code version} is catalogued. */
    public boolean hasVersion(String version) {
        return versions.stream().anyMatch(v -> v.version().equals(version));
    }
}
