package org.vmshield.sim.scenario;

import java.util.List;

/**
 * One VM at the start of the simulation.
 *
 * @param name VM name (also its backend id in its service's pool)
 * @param host host it starts on
 * @param service service it serves
 * @param version version it runs
 * @param vcpus virtual CPUs (its weight when the host's CPU is contended)
 * @param cpuCapCores CPU cap in cores
 * @param memoryMiB guest memory
 * @param dirtyRateMiBPerSec memory dirty rate when idle
 * @param dirtyMiBPerSecPerCore dirty rate added per core of CPU it uses
 * @param criticality its criticality; the service's when absent
 * @param antiAffinity host labels it must not be placed on
 * @param autoConverge its migrations may throttle it (QEMU auto-converge)
 * @param postCopy its migrations may switch to post-copy
 */
public record VmSpec(
        String name,
        String host,
        String service,
        String version,
        Integer vcpus,
        double cpuCapCores,
        long memoryMiB,
        Double dirtyRateMiBPerSec,
        Double dirtyMiBPerSecPerCore,
        String criticality,
        List<String> antiAffinity,
        Boolean autoConverge,
        Boolean postCopy) {
    public VmSpec {
        vcpus = vcpus == null ? Math.max(1, (int) Math.ceil(cpuCapCores)) : vcpus;
        dirtyRateMiBPerSec = dirtyRateMiBPerSec == null ? 5.0 : dirtyRateMiBPerSec;
        dirtyMiBPerSecPerCore = dirtyMiBPerSecPerCore == null ? 10.0 : dirtyMiBPerSecPerCore;
        antiAffinity = antiAffinity == null ? List.of() : List.copyOf(antiAffinity);
        autoConverge = autoConverge != null && autoConverge;
        postCopy = postCopy != null && postCopy;
    }
}
