package org.vmshield.brain.model;

import java.util.Objects;
import java.util.Set;

/**
 * One version (image) of a service, and the request paths on which it is known to be vulnerable
 * to a cost attack (cheap to ask, expensive to serve).
 *
 * @param version version name, e.g. {@code 1.0}
 * @param vulnerablePaths paths known to be vulnerable in this version (exact, without query)
 */
public record ServiceVersion(String version, Set<String> vulnerablePaths) {
    public ServiceVersion {
        Objects.requireNonNull(version, "version");
        vulnerablePaths = Set.copyOf(vulnerablePaths);
    }

    /** Returns true when {@code path} is known to be vulnerable in this version. */
    public boolean isVulnerable(String path) {
        return vulnerablePaths.contains(path);
    }
}
