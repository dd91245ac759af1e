package org.vmshield.hypervisor.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vmshield.hypervisor.qemu.RunningQemu;
import picocli.CommandLine.Command;

/** Lists the VMs vmshield runs on this machine, from /proc alone, whichever controller started them. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the QEMU processes vmshield runs on this machine (whichever controller started them):"
                + " VM, host, memory, endpoint, pid; a migration in progress shows its target as 'incoming'.")
public final class VmListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<RunningQemu> all = RunningQemu.list();
        if (all.isEmpty()) {
            System.out.println("no vmshield VMs run on this machine");
            return 0;
        }
        System.out.printf("%-20s %-12s %8s %-22s %8s %s%n", "VM", "HOST", "MEMORY", "ENDPOINT", "PID", "ROLE");
        for (RunningQemu q : all) {
            System.out.printf("%-20s %-12s %5d MiB %-22s %8d %s%n", q.vm(), q.host(), q.memoryMiB(), q.endpoint(),
                    q.pid(), q.incoming() ? "incoming" : "running");
        }
        return 0;
    }
}
