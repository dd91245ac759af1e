package org.vmshield.hypervisor;

/**
 * How fast a VM writes its memory.
 *
 * @param vm its name
 * @param bytesPerSec memory dirtied per second
 * @param sampleMillis how long it was sampled
 */
public record DirtyRate(String vm, long bytesPerSec, long sampleMillis) {
    /** Returns the rate in MiB per second. */
    public double mibPerSec() {
        return bytesPerSec / 1048576.0;
    }
}
