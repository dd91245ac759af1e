package org.vmshield.bench.controller;

import java.util.ArrayList;
import java.util.List;

/**
 * What one controller heap run does.
 *
 * @param vms QEMU VMs the controller manages
 * @param seconds length of the measured steady phase (after every VM serves)
 * @param maxHeapMiB the controller JVM's {@code -Xmx}; 0 for the JVM's default
 * @param guestMemoryMiB memory of each guest
 * @param bootParallel VMs booted at the same time (TCG boots on 2 cores time out when all start at once)
 * @param loadRpsPerService legitimate requests per second sent to each service through the balancer (0: none)
 */
public record HeapBenchSettings(int vms, int seconds, int maxHeapMiB, int guestMemoryMiB, int bootParallel,
        double loadRpsPerService) {
    /** Issue 2's target: the controller's heap for 20 VMs. */
    public static final int TARGET_HEAP_MIB = 128;
    /** The VM count. */
    public static final int DEFAULT_VMS = 20;
    /** Default steady phase. */
    public static final int DEFAULT_SECONDS = 60;
    /** The smallest guest memory the guest image boots with reliably under TCG (bench migration uses it too). */
    public static final int DEFAULT_GUEST_MEMORY_MIB = 128;
    /** Default boots at a time: one per local host of {@link HeapTopology#VMS_PER_HOST} VMs. */
    public static final int DEFAULT_BOOT_PARALLEL = 4;
    /** Default light load: a static page twice a second per service. */
    public static final double DEFAULT_LOAD_RPS_PER_SERVICE = 2;

    /** Returns the run: 20 VMs, 60 s, a 128 MiB heap cap, 128 MiB guests. */
    public static HeapBenchSettings defaults() {
        return new HeapBenchSettings(DEFAULT_VMS, DEFAULT_SECONDS, TARGET_HEAP_MIB, DEFAULT_GUEST_MEMORY_MIB,
                DEFAULT_BOOT_PARALLEL, DEFAULT_LOAD_RPS_PER_SERVICE);
    }

    /** Returns what is wrong with these settings, one message per option; empty when they are valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (vms < 1 || vms > 40) {
            p.add("--vms: %d (expected: 1..40)".formatted(vms));
        }
        if (seconds < 10 || seconds > 600) {
            p.add("--seconds: %d (expected: 10..600)".formatted(seconds));
        }
        if (maxHeapMiB != 0 && (maxHeapMiB < 16 || maxHeapMiB > 65_536)) {
            p.add("--max-heap-mib: %d (expected: 0 for the JVM's default, or 16..65536)".formatted(maxHeapMiB));
        }
        if (guestMemoryMiB < 64 || guestMemoryMiB > 4096) {
            p.add("--guest-memory-mib: %d (expected: 64..4096)".formatted(guestMemoryMiB));
        }
        if (bootParallel < 1 || bootParallel > 8) {
            p.add("--boot-parallel: %d (expected: 1..8)".formatted(bootParallel));
        }
        if (!(loadRpsPerService >= 0 && loadRpsPerService <= 50)) {
            p.add("--load-rps: %s (expected: 0..50 per service)".formatted(loadRpsPerService));
        }
        return p;
    }

    /** Returns the memory the guests and their QEMU processes need together, in MiB. */
    public long guestsMemoryMiB() {
        return (long) vms * (guestMemoryMiB + org.vmshield.hypervisor.qemu.QemuHypervisor.QEMU_OVERHEAD_MIB);
    }
}
