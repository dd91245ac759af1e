package org.vmshield.sim.scenario;

import java.util.List;

/**
 * One version (image) of a service.
 *
 * @param version version name
 * @param vulnerablePaths paths on which crafted requests are expensive in this version
 */
public record VersionSpec(String version, List<String> vulnerablePaths) {
    public VersionSpec {
        vulnerablePaths = vulnerablePaths == null ? List.of() : List.copyOf(vulnerablePaths);
    }
}
