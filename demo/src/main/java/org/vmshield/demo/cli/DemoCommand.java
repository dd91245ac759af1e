package org.vmshield.demo.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vmshield.demo.record.JournalLog;
import org.vmshield.demo.record.Target;
import org.vmshield.demo.record.TargetCheck;
import org.vmshield.demo.run.DemoResult;
import org.vmshield.demo.run.DemoRunner;
import org.vmshield.demo.run.HostSetup;
import org.vmshield.demo.scenario.DemoSettings;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.load.attack.AttackProfiles;
import org.vmshield.load.cli.DurationConverter;
import org.vmshield.report.ReportWriter;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.table.SummaryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmshield demo}: the paper's scenario with real QEMU VMs. Sets this host up, builds the
 * topology (a small host with the attacked VM and a critical VM, a bigger host, a spare host, the
 * balancer in front), sends legitimate load to both services and the attack over the middle half
 * of the run, shows a status line each second, then prints the summary table and the targets and
 * writes the report folder. {@code --compare} first runs the same scenario with vmshield only
 * observing and reports it as the baseline.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the paper's scenario end to end with real QEMU VMs: attack, detection, mitigation "
                + "(filter, live migration, version switch), measured.",
                "Needs root (cgroup quotas for the local hosts); installs QEMU with apt-get when missing."})
public final class DemoCommand implements Callable<Integer> {
    /** The journal's file in the report folder. */
    static final String JOURNAL = "journal.log";

    @Spec CommandSpec spec;

    @Option(names = "--attack", paramLabel = "KIND", defaultValue = "mixed",
            description = "http-flood|cost|conn-flood|slowloris|flash-crowd|pulsing|hopping|mixed (default: ${DEFAULT-VALUE}).")
    String attack;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "120s", converter = DurationConverter.class,
            description = "Length of the measured run, e.g. 90s or 3m; the attack covers its middle half "
                    + "(default: ${DEFAULT-VALUE}; 30s..30m).")
    long durationMillis;

    @Option(names = "--no-mitigation", description = "vmshield only observes (dry-run): detects and plans, changes nothing.")
    boolean noMitigation;

    @Option(names = "--compare", description = "Runs without mitigation first, then with; reports the first as the baseline.")
    boolean compare;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "vmshield-report",
            description = "Report folder: report.html, report.json, PNG charts, journal.log (default: ./${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--network", paramLabel = "MODE", defaultValue = "user",
            description = "VM networking: user (QEMU user networking; the balancer holds requests at switchover) "
                    + "or bridge (root; VMs keep their address) (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the load schedule (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        DemoSettings settings = validate();
        PrintWriter out = spec.commandLine().getOut();
        HostSetup.ensureReady(line -> {
            out.println("vmshield setup: " + line);
            out.flush();
        });
        DemoRunner runner = new DemoRunner(out);
        Optional<DemoResult> baseline = Optional.empty();
        if (compare) {
            baseline = Optional.of(runner.run(settings.withMitigation(false)));
        }
        DemoResult main = runner.run(settings);
        Optional<RunRecord> baselineRecord = baseline.map(DemoResult::record);
        out.println();
        out.println(SummaryTable.render(main.record(), baselineRecord));
        if (main.record().mitigation()) {
            out.println("targets (issue 5):");
            for (Target t : TargetCheck.check(main.record(), main.attackedMigratedSeconds())) {
                out.println(t.line());
            }
        }
        List<Path> files = new ArrayList<>(ReportWriter.write(report, main.record(), baselineRecord));
        files.add(JournalLog.write(report.resolve(JOURNAL), main.journal(), main.onsetWallMillis()));
        if (baseline.isPresent()) {
            files.add(JournalLog.write(report.resolve("baseline-" + JOURNAL), baseline.get().journal(),
                    baseline.get().onsetWallMillis()));
        }
        out.printf("report: %s (%d files: %s)%n", report.toAbsolutePath().resolve(ReportWriter.HTML), files.size(),
                String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()));
        int leftovers = main.leftovers() + baseline.map(DemoResult::leftovers).orElse(0);
        if (leftovers > 0) {
            out.printf("warning: %d QEMU processes of the demo still run (vmshield cleanup removes them)%n", leftovers);
        }
        out.flush();
        return leftovers > 0 ? 1 : 0;
    }

    /** Checks the options; returns the run's settings or throws a ParameterException saying what was expected. */
    DemoSettings validate() {
        if (!AttackProfiles.NAMES.contains(attack)) {
            throw new ParameterException(spec.commandLine(),
                    "--attack: " + attack + " (expected: one of " + String.join(", ", AttackProfiles.NAMES) + ")");
        }
        if (durationMillis < DemoSettings.MIN_DURATION_MILLIS || durationMillis > DemoSettings.MAX_DURATION_MILLIS) {
            throw new ParameterException(spec.commandLine(), "--duration: " + durationMillis / 1000.0 + " s (expected: "
                    + DemoSettings.MIN_DURATION_MILLIS / 1000 + " s .. " + DemoSettings.MAX_DURATION_MILLIS / 60_000 + " min)");
        }
        if (compare && noMitigation) {
            throw new ParameterException(spec.commandLine(),
                    "--compare and --no-mitigation together (expected: one of them: --compare already runs without mitigation first)");
        }
        if (Files.isRegularFile(report)) {
            throw new ParameterException(spec.commandLine(),
                    "--report: " + report + " is an existing file (expected: a folder, or a path that does not exist)");
        }
        NetworkMode mode = switch (network) {
            case "user" -> NetworkMode.USER;
            case "bridge" -> NetworkMode.BRIDGE;
            default -> throw new ParameterException(spec.commandLine(), "--network: " + network + " (expected: user or bridge)");
        };
        if (mode == NetworkMode.BRIDGE && !"root".equals(System.getProperty("user.name"))) {
            throw new ParameterException(spec.commandLine(), "--network bridge needs root (expected: run as root, or --network user)");
        }
        return new DemoSettings(attack, durationMillis, !noMitigation, mode, seed);
    }
}
