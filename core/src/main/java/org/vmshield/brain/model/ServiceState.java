package org.vmshield.brain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service: its pool on the balancer, its version catalogue and the version to patch to.
 *
 * @param name service name
 * @param pool balancer pool serving it
 * @param criticality how much the service matters (its VMs normally share it)
 * @param versions versions available, oldest first
 * @param patchedVersion version recommended when a known flaw is attacked; empty string for none
 * @param minReplicas fewest VMs the service may be scaled in to
 * @param maxReplicas most VMs the service may be scaled out to
 */
public record ServiceState(
        String name,
        String pool,
        Criticality criticality,
        List<ServiceVersion> versions,
        String patchedVersion,
        int minReplicas,
        int maxReplicas) {
    public ServiceState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(criticality, "criticality");
        Objects.requireNonNull(patchedVersion, "patchedVersion");
        versions = List.copyOf(versions);
        if (minReplicas < 1 || maxReplicas < minReplicas) {
            throw new IllegalArgumentException(
                    "service %s replicas: %s..%s (expected: 1 <= min <= max)".formatted(name, minReplicas, maxReplicas));
        }
    }

    /** Returns the named version, if catalogued. */
    public Optional<ServiceVersion> version(String v) {
        for (ServiceVersion sv : versions) {
            if (sv.version().equals(v)) {
                return Optional.of(sv);
            }
        }
        return Optional.empty();
    }

    /** Returns true when {@code path} is known to be vulnerable in {@code v}. */
    public boolean isVulnerable(String v, String path) {
        return version(v).map(sv -> sv.isVulnerable(path)).orElse(false);
    }

    /**
     * Returns the version to switch to when {@code path} of {@code running} is attacked: the patched
     * version when it is not vulnerable on that path, else the newest catalogued version that is not.
     */
    public Optional<String> fixFor(String running, String path) {
        if (!patchedVersion.isEmpty() && !patchedVersion.equals(running) && !isVulnerable(patchedVersion, path)
                && version(patchedVersion).isPresent()) {
            return Optional.of(patchedVersion);
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            ServiceVersion sv = versions.get(i);
            if (!sv.version().equals(running) && !sv.isVulnerable(path)) {
                return Optional.of(sv.version());
            }
        }
        return Optional.empty();
    }
}
