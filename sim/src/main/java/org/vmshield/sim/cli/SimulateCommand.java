package org.vmshield.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vmshield.sim.run.SimOptions;
import org.vmshield.sim.run.SimResult;
import org.vmshield.sim.run.Simulation;
import org.vmshield.sim.scenario.DatacenterGenerator;
import org.vmshield.sim.scenario.Scenario;
import org.vmshield.sim.scenario.ScenarioException;
import org.vmshield.sim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vmshield simulate}: runs a scenario through the simulator and the real brain, prints the results. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates hosts, VMs, traffic, attacks and pre-copy live migration (discrete events, simulated time) "
                + "and drives the same brain (detectors + planner) as the live controller.",
                "Prints legitimate success rate and latency per service (or group) and phase, detection times, "
                        + "actions and migrations; with --compare also the same run without mitigation."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "paper", paramLabel = "FILE|paper|datacenter",
            description = "A scenario YAML file, the built-in paper scenario, or a generated data centre (default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--hosts", defaultValue = "1000", description = "Hosts of a generated data centre (default ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--vms", defaultValue = "10000", description = "VMs of a generated data centre (default ${DEFAULT-VALUE}).")
    int vms;

    @Option(names = "--services", defaultValue = "0",
            description = "Services of a generated data centre; 0 for one per 10 VMs (default ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--attacks", defaultValue = "0",
            description = "Attacks of a generated data centre; 0 for one per 50 services, at least 3 (default ${DEFAULT-VALUE}).")
    int attacks;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Simulated time, e.g. 90s, 10m, 1h; default: the scenario's (600 s for a data centre).")
    String duration;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-mitigation", description = "Detect only: the brain's plans are not carried out.")
    boolean noMitigation;

    @Option(names = "--compare", description = "Run twice, with and without mitigation, and print both.")
    boolean compare;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long durationMillis = duration == null ? 0 : parseDuration(duration);
        if (compare && noMitigation) {
            throw new ParameterException(spec.commandLine(), "--compare and --no-mitigation: both given (expected: at most one)");
        }
        Scenario s = scenario(durationMillis);
        SimOptions base = new SimOptions(seed, durationMillis, !noMitigation, msg -> spec.commandLine().getErr().println("simulate: " + msg));
        List<SimResult> results = new ArrayList<>();
        results.add(new Simulation(s, base).run());
        if (compare) {
            results.add(new Simulation(s, base.withMitigation(false)).run());
        }
        if (json) {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(results.size() == 1 ? results.get(0) : results));
        } else {
            spec.commandLine().getOut().print(ResultTable.render(results));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Scenario scenario(long durationMillis) {
        try {
            switch (scenario) {
                case "paper":
                    return ScenarioLoader.paper();
                case "datacenter":
                    if (hosts < 3) {
                        throw new ParameterException(spec.commandLine(), "--hosts: %s (expected: >= 3)".formatted(hosts));
                    }
                    if (vms < 1) {
                        throw new ParameterException(spec.commandLine(), "--vms: %s (expected: >= 1)".formatted(vms));
                    }
                    if (services < 0 || attacks < 0) {
                        throw new ParameterException(spec.commandLine(),
                                "--services/--attacks: %s/%s (expected: >= 0)".formatted(services, attacks));
                    }
                    double secs = durationMillis > 0 ? durationMillis / 1000.0 : 600;
                    return DatacenterGenerator.generate(new DatacenterGenerator.Settings(hosts, vms, services, attacks, secs, seed));
                default:
                    return ScenarioLoader.load(Path.of(scenario));
            }
        } catch (ScenarioException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Parses {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms} or plain seconds into milliseconds. */
    long parseDuration(String d) {
        String t = d.trim();
        try {
            long millis;
            if (t.endsWith("ms")) {
                millis = Long.parseLong(t.substring(0, t.length() - 2));
            } else if (t.endsWith("s")) {
                millis = Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000);
            } else if (t.endsWith("m")) {
                millis = Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000);
            } else if (t.endsWith("h")) {
                millis = Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000);
            } else {
                millis = Math.round(Double.parseDouble(t) * 1000);
            }
            if (millis <= 0 || millis > 7L * 24 * 3_600_000) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(),
                    "--duration: %s (expected: a positive duration up to 7 days, e.g. 90s, 10m, 1h)".formatted(d));
        }
    }
}
