package org.vmshield.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vmshield.bench.controller.ControllerHeapBench;
import org.vmshield.bench.controller.HeapBenchResult;
import org.vmshield.bench.controller.HeapBenchSettings;
import org.vmshield.bench.controller.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmshield bench controller}: measures the controller's Java heap while it manages real
 * QEMU VMs (issue 2's target: 20 VMs, <= 128 MiB).
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = {"Measures the controller's Java heap with N real QEMU VMs (TCG): the controller (hypervisor "
                + "driver, balancer and its pools, journal, control loop at 500 ms, admin API) runs in a child JVM "
                + "with the heap limit under test; VMs boot a few at a time; light legitimate load goes through the "
                + "balancer during the steady phase; the used heap after full GCs, the peak used heap and the "
                + "process RSS are printed beside the target. Needs root (cgroups, bridge networking) and QEMU.",
                "Target (issue 2): controller heap for 20 VMs <= 128 MiB."})
public final class BenchControllerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--vms", defaultValue = "" + HeapBenchSettings.DEFAULT_VMS, paramLabel = "N",
            description = "QEMU VMs the controller manages, 1..40 (default ${DEFAULT-VALUE}).")
    int vms;

    @Option(names = "--seconds", defaultValue = "" + HeapBenchSettings.DEFAULT_SECONDS, paramLabel = "S",
            description = "Steady phase after every VM serves, 10..600 s (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--max-heap-mib", defaultValue = "" + HeapBenchSettings.TARGET_HEAP_MIB, paramLabel = "MiB",
            description = "The controller JVM's -Xmx; 0 for the JVM's default (default ${DEFAULT-VALUE}: the target).")
    int maxHeapMiB;

    @Option(names = "--guest-memory-mib", defaultValue = "" + HeapBenchSettings.DEFAULT_GUEST_MEMORY_MIB,
            paramLabel = "MiB", description = "Memory of each guest, 64..4096 (default ${DEFAULT-VALUE}).")
    int guestMemoryMiB;

    @Option(names = "--boot-parallel", defaultValue = "" + HeapBenchSettings.DEFAULT_BOOT_PARALLEL, paramLabel = "N",
            description = "VMs booted at the same time, 1..8 (default ${DEFAULT-VALUE}).")
    int bootParallel;

    @Option(names = "--load-rps", defaultValue = "" + HeapBenchSettings.DEFAULT_LOAD_RPS_PER_SERVICE,
            paramLabel = "RPS", description = "Legitimate requests/s per service through the balancer, 0..50 "
                    + "(default ${DEFAULT-VALUE}; 0: no load).")
    double loadRps;

    @Option(names = "--json", description = "Print one JSON object (settings, the controller's figures, load, verdict).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HeapBenchSettings settings = new HeapBenchSettings(vms, seconds, maxHeapMiB, guestMemoryMiB, bootParallel, loadRps);
        if (!settings.problems().isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join("; ", settings.problems()));
        }
        long availableMiB = MemInfo.availableMiB();
        if (availableMiB > 0 && settings.guestsMemoryMiB() + 1024 > availableMiB) {
            throw new ParameterException(spec.commandLine(), "--vms %d x --guest-memory-mib %d: the guests need %d MiB "
                    .formatted(vms, guestMemoryMiB, settings.guestsMemoryMiB())
                    + "with QEMU's overhead (expected: at most %d MiB, the memory available less 1 GiB)"
                            .formatted(availableMiB - 1024));
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            spec.commandLine().getErr().println("error: bench controller needs root (local hosts are cgroups; "
                    + "bridge networking); run it as root");
            return 1;
        }
        PrintWriter err = spec.commandLine().getErr();
        HeapBenchResult r = new ControllerHeapBench(line -> {
            err.println("bench controller: " + line);
            err.flush();
        }).run(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.print(ResultTable.format(r));
        }
        out.flush();
        return r.completed() ? 0 : 1;
    }
}
