package org.vmshield.hypervisor.qemu;

/** Makes locally administered MAC addresses in QEMU's 52:54:00 range, one per allocation index. */
final class Macs {
    private Macs() {}

    static String forIndex(int index) {
        return String.format("52:54:00:a5:%02x:%02x", (index >> 8) & 0xff, index & 0xff);
    }
}
