package org.vmshield.hypervisor.qemu;

import org.vmshield.hypervisor.InvalidRequestException;

/** Resolves an image version to the files QEMU boots. */
@FunctionalInterface
public interface GuestImageSource {
    /**
     * Returns the boot files of {@code version}, building them when needed.
     *
     * @throws InvalidRequestException the version is unknown
     */
    BootFiles resolve(String version);
}
