package org.vmshield.hypervisor;

import java.time.Instant;

/**
 * Describes a running VM.
 *
 * @param spec what was asked for, with {@code host} the host it runs on now
 * @param state its life stage
 * @param endpoint where its service answers now (changes on migration in some network modes)
 * @param startedAt when it was started (not reset by a migration)
 * @param migrations how many live migrations it has completed
 */
public record VmInfo(VmSpec spec, VmState state, Endpoint endpoint, Instant startedAt, int migrations) {
    /** Returns the VM's name. */
    public String name() {
        return spec.name();
    }

    /** Returns the host it runs on now. */
    public String host() {
        return spec.host();
    }
}
