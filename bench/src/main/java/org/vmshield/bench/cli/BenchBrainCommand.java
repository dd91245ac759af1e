package org.vmshield.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vmshield.bench.brain.BrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vmshield bench brain}: times one detector tick and one planner tick at issue 4's sizes. */
@Command(name = "brain", mixinStandardHelpOptions = true,
        description = {"Benchmarks one detector tick over ~100,000 tracked series and one planner tick over "
                + "10,000 hosts, 100,000 VMs and 100 open incidents (median and p99 after warm-up, allocation per tick).",
                "Targets: detector <= 20 ms, planner <= 50 ms."})
public final class BenchBrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object: {\"detectorTickMs\":N,\"plannerTickMs\":N,...}.")
    boolean json;

    @Option(names = "--runs", defaultValue = "1.0", paramLabel = "FACTOR",
            description = "Scale warm-up and measured runs by this factor (default ${DEFAULT-VALUE}).")
    double runsFactor;

    @Override
    public Integer call() throws Exception {
        if (!(runsFactor > 0 && runsFactor <= 20)) {
            throw new ParameterException(spec.commandLine(), "--runs: %s (expected: 0 < factor <= 20)".formatted(runsFactor));
        }
        BrainBenchmark.Settings s = BrainBenchmark.Settings.STANDARD;
        BrainBenchmark.Settings scaled = new BrainBenchmark.Settings(s.pools(), s.backendsPerPool(), s.pathsPerPool(),
                s.hosts(), s.vms(), s.services(), s.incidents(), scale(s.detectorWarmup()), scale(s.detectorRuns()),
                scale(s.plannerWarmup()), scale(s.plannerRuns()));
        Map<String, Object> r = new BrainBenchmark(scaled).run(msg -> System.err.println("bench brain: " + msg));
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            System.out.printf("detector tick: median %s ms, p99 %s ms, %s bytes allocated, %s series (target <= 20 ms)%n",
                    r.get("detectorTickMs"), r.get("detectorTickP99Ms"), r.get("detectorAllocatedBytesPerTick"),
                    r.get("detectorTrackedSeries"));
            System.out.printf("planner tick:  median %s ms, p99 %s ms, %s bytes allocated, %s actions "
                            + "(%s hosts, %s VMs, %s incidents; target <= 50 ms)%n",
                    r.get("plannerTickMs"), r.get("plannerTickP99Ms"), r.get("plannerAllocatedBytesPerTick"),
                    r.get("plannerActionsPerTick"), r.get("hosts"), r.get("vms"), r.get("incidents"));
        }
        return 0;
    }

    private int scale(int runs) {
        return Math.max(1, (int) Math.round(runs * runsFactor));
    }
}
