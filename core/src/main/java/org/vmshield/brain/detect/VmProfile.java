package org.vmshield.brain.detect;

import java.util.Objects;
import org.vmshield.brain.model.Criticality;

/**
 * What saturation detection needs to know of a VM beyond the hypervisor's figures.
 *
 * @param vm VM name
 * @param service its service, or empty
 * @param pool its service's pool, or empty
 * @param cpuCapCores its CPU cap in cores
 * @param criticality how much it matters
 */
public record VmProfile(String vm, String service, String pool, double cpuCapCores, Criticality criticality) {
    public VmProfile {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(criticality, "criticality");
    }
}
