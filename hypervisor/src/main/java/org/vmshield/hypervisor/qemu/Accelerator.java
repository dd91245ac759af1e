package org.vmshield.hypervisor.qemu;

/** How QEMU runs guest code. */
public enum Accelerator {
    /** Hardware virtualisation through /dev/kvm. */
    KVM,
    /** QEMU's own binary translation: slow but works everywhere. */
    TCG;

    /** Returns the value of QEMU's {@code -accel} option. */
    String qemuArgument() {
        // a small translation cache keeps each TCG process's memory near its guest's size
        return this == KVM ? "kvm" : "tcg,tb-size=64";
    }
}
