package org.vmshield.load.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadListener;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.LoadReport;
import org.vmshield.load.LoadRun;
import org.vmshield.load.PathMix;
import org.vmshield.load.ServiceTarget;
import org.vmshield.load.attack.AttackParams;
import org.vmshield.load.attack.AttackProfile;
import org.vmshield.load.attack.AttackProfiles;
import org.vmshield.load.stats.SecondFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vmshield load}: runs legitimate clients and, optionally, an attack, printing figures each second. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generates open-loop legitimate load (Poisson, from 127.1.0.0/16) and optionally an attack "
                    + "(from 127.66.0.0/16) against services on loopback or the project's namespaces (10.213.0.0/24).",
            "Prints one line of figures per second and a summary table (or the report as JSON with --json).",
            "Example: vmshield load --target web=http://127.0.0.1:8080 --duration 30s --rate 50 "
                    + "--attack http-flood --attack-rate 2000 --attack-sources 400"
        })
public final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "SERVICE=URL",
            description = "A service and its base URL, such as web=http://127.0.0.1:8080 (repeatable).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "TIME", defaultValue = "30s",
            description = "How long to generate load (ms, s, m). Default: ${DEFAULT-VALUE}.")
    long durationMillis;

    @Option(names = "--rate", paramLabel = "RPS", defaultValue = "50",
            description = "Legitimate requests per second per service (Poisson). Default: ${DEFAULT-VALUE}.")
    double rateRps;

    @Option(names = "--rate-of", paramLabel = "SERVICE=RPS",
            description = "The legitimate rate of one service, overriding --rate (repeatable).")
    Map<String, Double> ratesOf = new LinkedHashMap<>();

    @Option(names = "--path-mix", paramLabel = "MIX", defaultValue = "/",
            description = "Weighted paths of legitimate requests, such as /=8,/search?q=x=1. Default: ${DEFAULT-VALUE}.")
    String pathMix;

    @Option(names = "--sources", paramLabel = "N", defaultValue = "" + LoadPlan.DEFAULT_LEGIT_SOURCES,
            description = "Distinct legitimate client addresses per service. Default: ${DEFAULT-VALUE}.")
    int legitSources;

    @Option(names = "--attack", paramLabel = "PROFILE",
            description = "http-flood, cost, conn-flood, slowloris, flash-crowd, pulsing, hopping or mixed.")
    String attack;

    @Option(names = "--attack-target", paramLabel = "SERVICE", description = "The attacked service. Default: the first target.")
    String attackTarget;

    @Option(names = "--attack-start", converter = DurationConverter.class, paramLabel = "TIME", defaultValue = "0",
            description = "When the attack starts. Default: at once.")
    long attackStartMillis;

    @Option(names = "--attack-duration", converter = DurationConverter.class, paramLabel = "TIME",
            description = "How long the attack lasts. Default: until the end of the run.")
    Long attackDurationMillis;

    @Option(names = "--attack-rate", paramLabel = "RPS", description = "Total attack request rate (the flood's in mixed).")
    Double attackRateRps;

    @Option(names = "--attack-sources", paramLabel = "N", description = "Distinct attack (or flash-crowd) sources.")
    Integer attackSources;

    @Option(names = "--attack-connections", paramLabel = "N", description = "Connections held by conn-flood or slowloris.")
    Integer attackConnections;

    @Option(names = "--connect-rate", paramLabel = "RPS", description = "New attack connections per second.")
    Double connectRateRps;

    @Option(names = "--cost-query", paramLabel = "TEXT", description = "The crafted /search query (cost, mixed). Default: 200 x 'a'.")
    String costQuery;

    @Option(names = "--cost-rate", paramLabel = "RPS", description = "The cost part's rate in mixed. Default: 5.")
    Double costRateRps;

    @Option(names = "--header-interval", converter = DurationConverter.class, paramLabel = "TIME",
            description = "Slowloris: time between two header lines. Default: 3s.")
    Long headerIntervalMillis;

    @Option(names = "--inner", paramLabel = "PROFILE", description = "The profile pulsing or hopping wraps. Default: http-flood.")
    String innerProfile;

    @Option(names = "--pulse-on", converter = DurationConverter.class, paramLabel = "TIME", description = "Pulsing on phase. Default: 2s.")
    Long pulseOnMillis;

    @Option(names = "--pulse-off", converter = DurationConverter.class, paramLabel = "TIME", description = "Pulsing off phase. Default: 2s.")
    Long pulseOffMillis;

    @Option(names = "--hop-every", converter = DurationConverter.class, paramLabel = "TIME", description = "Hopping interval. Default: 5s.")
    Long hopMillis;

    @Option(names = "--hop-services", split = ",", paramLabel = "SERVICE", description = "Services to hop over. Default: all.")
    List<String> hopServices;

    @Option(names = "--timeout", converter = DurationConverter.class, paramLabel = "TIME", defaultValue = "2s",
            description = "Request deadline from its scheduled send time. Default: ${DEFAULT-VALUE}.")
    long timeoutMillis;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, paramLabel = "TIME", defaultValue = "1s",
            description = "Connect deadline. Default: ${DEFAULT-VALUE}.")
    long connectTimeoutMillis;

    @Option(names = "--max-outstanding", paramLabel = "N", defaultValue = "" + LoadPlan.DEFAULT_MAX_OUTSTANDING,
            description = "Requests in flight at most; more count as localLimit failures. Default: ${DEFAULT-VALUE}.")
    int maxOutstanding;

    @Option(names = "--max-requests", paramLabel = "N", defaultValue = "" + LoadPlan.DEFAULT_MAX_REQUESTS,
            description = "Requests per run at most (a safety stop). Default: ${DEFAULT-VALUE}.")
    long maxRequests;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the report as JSON on stdout (the per-second lines go to stderr).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LoadPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("vmshield load: " + e.getMessage());
            err.println("Try 'vmshield load --help' for more information.");
            err.flush();
            return 2; // picocli's exit code for bad usage
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : out;
        LoadRun run = LoadGenerator.start(plan, new LoadListener() {
            @Override
            public void onSecond(SecondFigures figures) {
                progress.println(FigureLine.format(figures));
                progress.flush();
            }
        });
        Thread onCtrlC = new Thread(run::stop, "vmshield-load-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        LoadReport report;
        try {
            report = run.awaitReport(Duration.ofMillis(plan.durationMillis() + plan.requestTimeoutMillis() + 10_000));
        } catch (TimeoutException e) {
            run.close();
            spec.commandLine().getErr().println("vmshield load: the run did not end in time");
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs
            }
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            out.print(SummaryTable.format(report));
        }
        out.flush();
        return 0;
    }

    /** Returns the plan the options describe; throws IllegalArgumentException naming the bad option. */
    LoadPlan plan() {
        PathMix mix = PathMix.parse(pathMix);
        LoadPlan.Builder b = LoadPlan.builder()
                .durationMillis(durationMillis)
                .legitSourcesPerService(legitSources)
                .requestTimeoutMillis(timeoutMillis)
                .connectTimeoutMillis(connectTimeoutMillis)
                .maxOutstanding(maxOutstanding)
                .maxRequests(maxRequests)
                .seed(seed);
        List<String> names = new ArrayList<>();
        for (String t : targets) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--target: " + t + " (expected: SERVICE=URL, such as web=http://127.0.0.1:8080)");
            }
            String name = t.substring(0, eq);
            names.add(name);
            b.service(ServiceTarget.of(name, t.substring(eq + 1), ratesOf.getOrDefault(name, rateRps)).withPaths(mix));
        }
        for (String name : ratesOf.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("--rate-of: " + name + " (expected: one of " + names + ")");
            }
        }
        if (attack != null) {
            AttackProfile profile = AttackProfiles.of(attack, new AttackParams(attackRateRps, attackSources,
                    attackConnections, connectRateRps, costQuery, costRateRps, headerIntervalMillis, innerProfile,
                    pulseOnMillis, pulseOffMillis, hopMillis, hopServices));
            String service = attackTarget != null ? attackTarget : names.get(0);
            long length = attackDurationMillis != null ? attackDurationMillis : durationMillis - attackStartMillis;
            b.attack(profile, service, attackStartMillis, length);
        } else if (attackTarget != null || attackRateRps != null || attackSources != null) {
            throw new IllegalArgumentException("--attack-target/--attack-rate/--attack-sources: given without --attack"
                    + " (expected: --attack PROFILE as well)");
        }
        return b.build();
    }
}
