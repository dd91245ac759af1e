package org.vmshield.sim.scenario;

import java.util.List;

/**
 * One service: its legitimate traffic, paths, versions and replica bounds. Its pool has the same name.
 *
 * @param name service (and pool) name
 * @param criticality {@code LOW}, {@code NORMAL} or {@code CRITICAL}
 * @param legitRps legitimate requests per second
 * @param clients legitimate client sources (each at legitRps / clients)
 * @param paths the path mix and costs
 * @param versions version catalogue, oldest first
 * @param patchedVersion version the planner switches to on a known flaw; empty for none
 * @param minReplicas fewest VMs
 * @param maxReplicas most VMs
 */
public record ServiceSpec(
        String name,
        String criticality,
        double legitRps,
        int clients,
        List<PathSpec> paths,
        List<VersionSpec> versions,
        String patchedVersion,
        Integer minReplicas,
        Integer maxReplicas) {
    public ServiceSpec {
        criticality = criticality == null ? "NORMAL" : criticality;
        paths = paths == null ? List.of() : List.copyOf(paths);
        versions = versions == null ? List.of() : List.copyOf(versions);
        patchedVersion = patchedVersion == null ? "" : patchedVersion;
        minReplicas = minReplicas == null ? 1 : minReplicas;
        maxReplicas = maxReplicas == null ? 8 : maxReplicas;
    }
}
