package org.vmshield.hypervisor.qemu;

import java.util.List;
import org.vmshield.hypervisor.Endpoint;

/** Wires QEMU processes to a network: one address per VM, one attachment per QEMU process. */
interface VmNetwork extends AutoCloseable {
    /**
     * What a VM keeps across migrations.
     *
     * @param mac its MAC address
     * @param index an allocation index, released with the VM
     * @param vm the VM's name
     * @param ip its IPv4 address on a bridge, or null in user mode
     */
    record VmAddress(String mac, int index, String vm, String ip) {}

    /**
     * One QEMU process's wiring.
     *
     * @param nic the QEMU side
     * @param endpoint where the guest's service answers through this wiring
     * @param commandPrefix prepended to QEMU's command (e.g. to enter a namespace)
     * @param release undoes the wiring (idempotent)
     */
    record Attachment(NicConfig nic, Endpoint endpoint, List<String> commandPrefix, Runnable release) {}

    /** Assigns a VM its address. */
    VmAddress assign(String vm);

    /** Wires one QEMU process of a VM. */
    Attachment attach(VmAddress address, String instanceId);

    /** Releases a VM's address. */
    void release(VmAddress address);

    /** Returns "bridge" or "user", for messages. */
    String mode();

    /** Removes what the network created. */
    @Override
    void close();
}
