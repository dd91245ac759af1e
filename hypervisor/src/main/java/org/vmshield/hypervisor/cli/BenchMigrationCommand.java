package org.vmshield.hypervisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.bench.MigrationBench;
import org.vmshield.hypervisor.bench.MigrationBenchResult;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.hypervisor.qemu.BuiltImages;
import org.vmshield.hypervisor.qemu.VmshieldHome;
import org.vmshield.hypervisor.setup.HostPreflight;
import org.vmshield.hypervisor.setup.PreflightException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Benchmarks live migration against a bare QMP migrate and a plain TCP transfer. */
@Command(
        name = "migration",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks live migration against a bare QMP migrate and a plain TCP transfer.",
            "Per guest size and workload (idle, or rewriting a quarter of its memory in a loop): vmshield's"
                    + " migration (totalMs, downtimeMs, transferredBytes, passes); the same guest, freshly booted,"
                    + " migrated by a bare QMP migrate with QEMU's defaults (rawTotalMs); and a loopback TCP transfer"
                    + " of the guest's non-zero memory (lowerBoundMs). Progress goes to stderr; results to stdout as"
                    + " a table, or one JSON array with --json."
        })
public final class BenchMigrationCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    boolean json;

    @Option(names = "--sizes", split = ",", paramLabel = "MiB", defaultValue = "128,256,512",
            description = "Guest sizes in MiB (default: ${DEFAULT-VALUE}).")
    List<Long> sizesMiB;

    @Option(names = "--workloads", split = ",", paramLabel = "W", defaultValue = "idle,dirty",
            description = "idle and/or dirty (default: ${DEFAULT-VALUE}).")
    List<String> workloads;

    @Option(names = "--network", paramLabel = "MODE",
            description = "bridge or user; default: bridge as root, else user.")
    NetworkMode network;

    @Override
    public Integer call() throws Exception {
        for (long s : sizesMiB) {
            if (s < 64 || s > 4096) {
                throw new ParameterException(spec.commandLine(), "--sizes: " + s + " (expected: 64..4096 MiB each)");
            }
        }
        for (String w : workloads) {
            if (!w.equals("idle") && !w.equals("dirty")) {
                throw new ParameterException(spec.commandLine(), "--workloads: " + w + " (expected: idle or dirty)");
            }
        }
        PrintStream err = System.err;
        try {
            HostPreflight.forThisHost().ensureReady();
        } catch (PreflightException e) {
            err.println("vmshield bench migration: " + e.getMessage());
            return 1;
        }
        NetworkMode mode = network != null ? network
                : NetworkMode.defaultFor("root".equals(System.getProperty("user.name")));
        MigrationOptions options = MigrationBench.tunedOptions();
        err.printf("vmshield bench migration: network %s; vmshield options: max-bandwidth %d MiB/s, downtime-limit %d ms,"
                + " auto-converge %s, multifd %d%n", mode.name().toLowerCase(), options.maxBandwidthBytesPerSec() >> 20,
                options.downtimeLimitMillis(), options.autoConverge(), options.multifdChannels());
        MigrationBench bench = new MigrationBench(BuiltImages.atDefaultHome(), VmshieldHome.resolve(), mode, options,
                line -> err.println("  " + line));
        List<MigrationBenchResult> rows = bench.run(sizesMiB, workloads);
        if (json) {
            System.out.println(toJson(rows));
        } else {
            printTable(rows, System.out);
        }
        return 0;
    }

    static String toJson(List<MigrationBenchResult> rows) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (MigrationBenchResult r : rows) {
            ObjectNode o = array.addObject();
            o.put("memoryMiB", r.memoryMiB());
            o.put("workload", r.workload());
            o.put("dirtyRateMiBps", Math.round(r.dirtyRateMiBps() * 10) / 10.0);
            o.put("totalMs", r.totalMs());
            o.put("downtimeMs", r.downtimeMs());
            o.put("transferredBytes", r.transferredBytes());
            o.put("passes", r.passes());
            if (r.rawTotalMs() >= 0) {
                o.put("rawTotalMs", r.rawTotalMs());
                o.put("rawDowntimeMs", r.rawDowntimeMs());
                o.put("rawTransferredBytes", r.rawTransferredBytes());
            } else {
                o.putNull("rawTotalMs");
                o.put("rawConverged", false);
            }
            o.put("nonZeroBytes", r.nonZeroBytes());
            o.put("lowerBoundMs", Math.round(r.lowerBoundMs() * 10) / 10.0);
            o.put("ratioToLowerBound", Math.round(r.ratioToLowerBound() * 100) / 100.0);
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }

    static void printTable(List<MigrationBenchResult> rows, PrintStream out) {
        out.printf("%-7s %-8s %9s %8s %10s %9s %7s %11s %11s %13s %9s%n", "memMiB", "workload", "dirtyMiBs", "totalMs",
                "downtimeMs", "sentMiB", "passes", "rawTotalMs", "rawDownMs", "lowerBoundMs", "ratioLB");
        for (MigrationBenchResult r : rows) {
            out.printf("%-7d %-8s %9.1f %8d %10d %9.1f %7d %11s %11s %13.1f %9.2f%n", r.memoryMiB(), r.workload(),
                    r.dirtyRateMiBps(), r.totalMs(), r.downtimeMs(), r.transferredBytes() / 1048576.0, r.passes(),
                    r.rawTotalMs() < 0 ? "no-converge" : Long.toString(r.rawTotalMs()),
                    r.rawDowntimeMs() < 0 ? "-" : Long.toString(r.rawDowntimeMs()), r.lowerBoundMs(), r.ratioToLowerBound());
        }
    }
}
