package org.vmshield.demo.run;

import java.util.Arrays;
import java.util.List;
import org.vmshield.demo.scenario.DemoTopology;

/**
 * Finds QEMU processes of the demo's VMs still alive: what a complete teardown leaves none of.
 * Matches the {@code -name} QEMU was given (it carries the VM's name), so other QEMU processes on
 * the machine are never counted.
 */
public final class QemuLeftovers {
    private QemuLeftovers() {}

    /** Returns the pids of live QEMU processes whose name carries one of the demo's VM names. */
    public static List<Long> pids() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("qemu-system")).orElse(false))
                .filter(p -> p.info().arguments().map(QemuLeftovers::isDemoVm).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    private static boolean isDemoVm(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.contains(DemoTopology.ATTACKED_VM) || a.contains(DemoTopology.CRITICAL_VM));
    }
}
