package org.vmshield.hypervisor.image;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Where a guest kernel and its virtio modules come from: a Debian package, or a file given by the user. */
interface KernelSource {

    /** The modules the guest loads, in the order it loads them (each needs the ones before it). */
    List<String> VIRTIO_NET_MODULES = List.of(
            "virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev",
            "virtio_pci", "failover", "net_failover", "virtio_net");

    /** Returns the identity of the kernel, cheaply and without downloading it. */
    KernelInputs identify() throws ImageBuildException;

    /** Returns the kernel ready to use, fetching it into {@code cacheDir} when it is not there yet. */
    PreparedKernel prepare(KernelInputs inputs, Path cacheDir, Consumer<String> progress) throws ImageBuildException;
}
