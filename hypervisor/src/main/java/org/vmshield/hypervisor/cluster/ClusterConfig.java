package org.vmshield.hypervisor.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.vmshield.hypervisor.HostSpec;

/**
 * The local hosts of a cluster and how its VMs are networked.
 *
 * @param network the network mode, or empty for the default ({@link NetworkMode#defaultFor})
 * @param hosts at least one host, names unique
 */
public record ClusterConfig(Optional<NetworkMode> network, List<HostSpec> hosts) {
    /** Validates the configuration. */
    public ClusterConfig {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts: empty (expected: at least one host)");
        }
        var seen = new HashSet<String>();
        for (HostSpec h : hosts) {
            if (!seen.add(h.name())) {
                throw new IllegalArgumentException("hosts: name " + h.name() + " appears twice (expected: unique names)");
            }
        }
    }

    /** Returns a configuration of the given hosts with the default network mode. */
    public static ClusterConfig of(HostSpec... hosts) {
        return new ClusterConfig(Optional.empty(), List.of(hosts));
    }

    /** Returns a copy with the given network mode. */
    public ClusterConfig withNetwork(NetworkMode mode) {
        return new ClusterConfig(Optional.of(mode), hosts);
    }
}
