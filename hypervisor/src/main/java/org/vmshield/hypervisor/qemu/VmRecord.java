package org.vmshield.hypervisor.qemu;

import java.time.Instant;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.VmState;

/** The driver's mutable bookkeeping of one VM; guarded by the QemuHypervisor's lock. */
final class VmRecord {
    VmSpec spec;
    VmState state;
    final Instant startedAt;
    BootFiles boot;
    VmNetwork.VmAddress address;
    QemuInstance instance;
    QemuMigration migration;
    int migrations;
    // nice value of its QEMU processes against the other VMs of its host (setVmCpuPriority)
    int nice;
    // previous usage sample of the current process, for cores used
    long sampledPid;
    double sampledCpuSeconds;
    long sampledNanos;

    VmRecord(VmSpec spec, Instant startedAt) {
        this.spec = spec;
        this.state = VmState.STARTING;
        this.startedAt = startedAt;
    }
}
