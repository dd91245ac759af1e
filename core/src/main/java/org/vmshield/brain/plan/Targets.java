package org.vmshield.brain.plan;

import java.util.Optional;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.ServiceState;

/** Resolves an incident's target to the service (and so the pool) of the cluster model. */
final class Targets {
    private Targets() {}

    /** Returns the incident's service, from its service name or else its pool, or else its VM. */
    static Optional<ServiceState> service(Incident inc, ClusterState cluster) {
        if (!inc.target().service().isEmpty()) {
            Optional<ServiceState> s = cluster.service(inc.target().service());
            if (s.isPresent()) {
                return s;
            }
        }
        if (!inc.target().pool().isEmpty()) {
            Optional<ServiceState> s = cluster.serviceOfPool(inc.target().pool());
            if (s.isPresent()) {
                return s;
            }
        }
        if (!inc.target().vm().isEmpty()) {
            return cluster.vm(inc.target().vm()).flatMap(v -> cluster.service(v.service()));
        }
        return Optional.empty();
    }

    /** Returns the pool the incident's rules go to: its pool, or its service's pool, or {@code ""}. */
    static String pool(Incident inc, ClusterState cluster) {
        if (!inc.target().pool().isEmpty()) {
            return inc.target().pool();
        }
        return service(inc, cluster).map(ServiceState::pool).orElse("");
    }
}
