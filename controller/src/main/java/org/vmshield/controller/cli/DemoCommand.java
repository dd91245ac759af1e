package org.vmshield.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vmshield.controller.demo.DemoOptions;
import org.vmshield.controller.demo.DemoRunner;
import org.vmshield.load.attack.AttackProfiles;
import org.vmshield.report.ReportWriter;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.table.SummaryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmshield demo}: the paper's scenario, live and measured: boots the topology, sends
 * legitimate load to both services and an attack to one, lets vmshield mitigate (or only observe
 * with {@code --no-mitigation}; both with {@code --compare}), then prints the summary table and
 * writes the report folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the paper's scenario (attack, detection, mitigation) and writes a measured report.")
public final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--attack", defaultValue = "mixed", paramLabel = "KIND",
            description = "Attack: http-flood, cost, conn-flood, slowloris, flash-crowd, pulsing, hopping, mixed (default: ${DEFAULT-VALUE}).")
    String attack;

    @Option(names = "--duration", defaultValue = "120", paramLabel = "SECONDS", description = "Whole run (default: ${DEFAULT-VALUE} s).")
    long durationSeconds;

    @Option(names = "--attack-at", defaultValue = "30", paramLabel = "SECONDS", description = "Attack onset (default: ${DEFAULT-VALUE} s).")
    long attackAtSeconds;

    @Option(names = "--attack-for", paramLabel = "SECONDS", description = "Attack length (default: until 20 s before the end).")
    Long attackForSeconds;

    @Option(names = "--attack-rate", paramLabel = "RPS", description = "Attack rate (default: the profile's).")
    Double attackRate;

    @Option(names = "--legit-rps", defaultValue = "10", paramLabel = "RPS", description = "Legitimate req/s per service (default: ${DEFAULT-VALUE}).")
    double legitRps;

    @Option(names = "--no-mitigation", description = "vmshield only observes (detects, journals), takes no action.")
    boolean noMitigation;

    @Option(names = "--compare", description = "Runs without mitigation, then with, and reports both.")
    boolean compare;

    @Option(names = "--network", paramLabel = "MODE", description = "user or bridge (default: bridge as root, else user).")
    String network;

    @Option(names = "--report", defaultValue = "vmshield-report", paramLabel = "DIR", description = "Report folder (default: ./${DEFAULT-VALUE}).")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        if (!AttackProfiles.NAMES.contains(attack)) {
            throw new ParameterException(spec.commandLine(), "--attack: " + attack + " (expected: one of " + AttackProfiles.NAMES + ")");
        }
        if (durationSeconds < 20 || durationSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--duration: " + durationSeconds + " (expected: 20..3600 s)");
        }
        if (network != null && !List.of("user", "bridge").contains(network)) {
            throw new ParameterException(spec.commandLine(), "--network: " + network + " (expected: user or bridge)");
        }
        if (compare && noMitigation) {
            throw new ParameterException(spec.commandLine(), "--compare with --no-mitigation (expected: one of them)");
        }
        long attackFor = attackForSeconds != null ? attackForSeconds : durationSeconds - attackAtSeconds - 20;
        DemoOptions options;
        try {
            options = new DemoOptions(attack, Optional.ofNullable(attackRate), durationSeconds * 1000,
                    attackAtSeconds * 1000, attackFor * 1000, legitRps, Optional.ofNullable(network), reportDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        DemoRunner runner;
        try {
            runner = new DemoRunner(options, out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Thread hook = new Thread(runner::stop, "vmshield-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Optional<RunRecord> baseline = Optional.empty();
            if (compare || noMitigation) {
                baseline = Optional.of(runner.run(false));
            }
            RunRecord main = noMitigation ? baseline.orElseThrow() : runner.run(true);
            Optional<RunRecord> against = noMitigation ? Optional.empty() : baseline;
            out.println(SummaryTable.render(main, against));
            List<Path> files = ReportWriter.write(reportDir, main, against);
            out.printf("report: %s (%d files)%n", reportDir.resolve(ReportWriter.HTML), files.size());
            out.flush();
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // Already shutting down.
            }
        }
    }
}
