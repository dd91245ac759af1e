package org.vmshield.controller.config;

import java.util.List;
import org.vmshield.brain.model.Criticality;

/**
 * A VM the controller starts, or one it started later (a version switch, a scale-out).
 *
 * @param name VM name; also its backend id in its service's pool
 * @param service the service it serves
 * @param version the version (guest image) it runs
 * @param host the host it starts on
 * @param vcpus virtual CPUs
 * @param memoryMiB guest memory
 * @param criticality how much it matters (default: its service's)
 * @param antiAffinityLabels host labels it must not be placed on
 */
public record VmDecl(String name, String service, String version, String host, int vcpus, long memoryMiB,
        Criticality criticality, List<String> antiAffinityLabels) {
    public VmDecl {
        antiAffinityLabels = List.copyOf(antiAffinityLabels);
    }

    /** Returns a copy with another name, version and host (a blue/green replacement or a replica). */
    public VmDecl replacedBy(String newName, String newVersion, String newHost) {
        return new VmDecl(newName, service, newVersion, newHost, vcpus, memoryMiB, criticality, antiAffinityLabels);
    }
}
