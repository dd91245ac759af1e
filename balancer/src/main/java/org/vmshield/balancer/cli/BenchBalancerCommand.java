package org.vmshield.balancer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vmshield.balancer.bench.BenchOptions;
import org.vmshield.balancer.bench.BenchResult;
import org.vmshield.balancer.bench.GuardMicroBenchmark;
import org.vmshield.balancer.bench.ProxyBenchmark;
import org.vmshield.balancer.bench.Measurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmshield bench balancer}: wrk against vmshield, HAProxy and nginx in one run, each proxy on
 * one core, measured in turn over several rounds, plus throughput with 100k CIDR rules and 1M tracked
 * sources, refusals per second and resident memory; or, with {@code --guards-only}, the guards'
 * hot-path micro-benchmark.
 */
@Command(name = "balancer", mixinStandardHelpOptions = true,
        description = "Benchmarks the balancer against HAProxy and nginx: wrk on loopback, each proxy pinned to one core"
                + " with taskset, wrk and the nginx backend on another; also vmshield with 100k CIDR rules and 1M tracked"
                + " sources, vmshield refusing every request, and its resident memory. All proxies run at once and are"
                + " measured in turn, round after round (each figure the median of its rounds), with the CPU used by the"
                + " proxy, by others on its core (a disturbed figure is flagged) and on the client core. Installs wrk,"
                + " haproxy and nginx with apt-get when missing. Progress goes to stderr, the results to stdout.")
public final class BenchBalancerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--connections", defaultValue = "32", description = "wrk connections, the same for every proxy (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--duration-seconds", defaultValue = "5", description = "Measured wrk run per proxy (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "15",
            description = "Unmeasured wrk run per proxy before the first round, the same for every proxy; the JVM needs"
                    + " about 15 s to compile its hot code on one core. When > 0, every measured run is also preceded by"
                    + " 3 unmeasured seconds (a proxy idle between rounds resumes first) (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--rounds", defaultValue = "5",
            description = "Measured runs per proxy, taken in turn so that a disturbance hits all alike; each figure is the"
                    + " median of its rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--cidr-rules", defaultValue = "100000", description = "CIDR blocks loaded for rpsWithRules (default: ${DEFAULT-VALUE}).")
    int cidrRules;

    @Option(names = "--sources", defaultValue = "1000000", description = "Sources tracked for rpsWithRules and rssMiBWithSources (default: ${DEFAULT-VALUE}).")
    int sources;

    @Option(names = "--proxy-core", defaultValue = "0", description = "Core every proxy is pinned to (default: ${DEFAULT-VALUE}).")
    int proxyCore;

    @Option(names = "--client-core", defaultValue = "1", description = "Core wrk and the backend are pinned to (default: ${DEFAULT-VALUE}).")
    int clientCore;

    @Option(names = "--no-install", description = "Fail instead of installing missing programs with apt-get.")
    boolean noInstall;

    @Option(names = "--jvm-option", description = "An option of the benchmarked vmshield JVM; repeat for several (default: -Xmx256m -XX:+UseSerialGC -Dio.netty.leakDetection.level=disabled).")
    List<String> jvmOptions;

    @Option(names = "--guards-only", description = "Run only the in-process micro-benchmark of the guards and sketches (about 30 s).")
    boolean guardsOnly;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (guardsOnly) {
            System.err.println("guards micro-benchmark (one thread, 1 s per figure):");
            Map<String, Double> r = new GuardMicroBenchmark(1000, System.err).run();
            if (json) {
                out.println(mapper().writeValueAsString(r));
            }
            return 0;
        }
        BenchOptions options;
        try {
            options = new BenchOptions(connections, durationSeconds, warmupSeconds, rounds, cidrRules, sources, proxyCore,
                    clientCore, !noInstall, jvmOptions == null ? BenchOptions.DEFAULT_JVM_OPTIONS : jvmOptions);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (proxyCore == clientCore) {
            throw new ParameterException(spec.commandLine(),
                    "--proxy-core/--client-core: both " + proxyCore + " (expected: two different cores)");
        }
        BenchResult r = new ProxyBenchmark(options, System.err).run();
        if (json) {
            out.println(mapper().writeValueAsString(toJson(r)));
        } else {
            printTable(out, r, options);
        }
        return 0;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    }

    private static Map<String, Object> toJson(BenchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmshield", figures(r.vmshield()));
        m.put("haproxy", figures(r.haproxy()));
        m.put("nginx", figures(r.nginx()));
        m.put("rpsWithRules", Math.round(r.withRules().wrk().rps()));
        m.put("refusedPerSec", Math.round(r.refusedPerSec()));
        m.put("rssMiBWithSources", Math.round(r.rssMiBWithSources()));
        m.put("p99MsWithRules", round2(r.withRules().wrk().p99Ms()));
        m.put("disturbed", r.disturbed());
        return m;
    }

    private static Map<String, Object> figures(Measurement x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rps", Math.round(x.wrk().rps()));
        m.put("p99Ms", round2(x.wrk().p99Ms()));
        m.put("proxyCpuShare", round2(x.cpu().proxyShare()));
        m.put("foreignCpuShare", round2(x.cpu().foreignShare()));
        m.put("clientCoreShare", round2(x.cpu().clientCoreShare()));
        return m;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void printTable(PrintStream out, BenchResult r, BenchOptions o) {
        out.printf("wrk -t1 -c%d -d%ds on 127.0.0.1, %d rounds (medians); proxies pinned to core %d, wrk and backend to"
                + " core %d%n", o.connections(), o.durationSeconds(), o.rounds(), o.proxyCore(), o.clientCore());
        out.printf("%-26s %10s %8s %10s %10s %12s%n", "proxy", "req/s", "p99 ms", "proxy CPU", "others CPU",
                "client core");
        row(out, "vmshield", r.vmshield());
        row(out, "haproxy", r.haproxy());
        row(out, "nginx", r.nginx());
        row(out, "vmshield + rules/sources", r.withRules());
        row(out, "vmshield refusing all", r.refusing());
        double vm = r.vmshield().wrk().rps();
        out.printf("vmshield / haproxy: req/s x%.2f (target >= 1.0), p99 x%.2f (target <= 1.5)%n",
                vm / r.haproxy().wrk().rps(), r.vmshield().wrk().p99Ms() / r.haproxy().wrk().p99Ms());
        out.printf("vmshield / nginx:   req/s x%.2f, p99 x%.2f%n",
                vm / r.nginx().wrk().rps(), r.vmshield().wrk().p99Ms() / r.nginx().wrk().p99Ms());
        double dropPercent = 100 * (1 - r.withRules().wrk().rps() / vm);
        out.printf("rpsWithRules (%,d CIDR rules, %,d sources): %,.0f req/s, %.1f%% %s no rules (target: <= 10%% below)%n",
                o.cidrRules(), o.sources(), r.withRules().wrk().rps(), Math.abs(dropPercent),
                dropPercent >= 0 ? "below" : "above");
        out.printf("refusedPerSec: %,.0f, x%.2f proxied req/s (target >= 2)%n", r.refusedPerSec(),
                r.refusedPerSec() / vm);
        out.printf("rssMiBWithSources: %.0f MiB (target <= 512)%n", r.rssMiBWithSources());
        if (r.disturbed()) {
            out.printf("DISTURBED: other processes used more than %.0f%% of the proxy's or the client's core;"
                    + " rerun on a quiet machine%n",
                    100 * ProxyBenchmark.MAX_FOREIGN_SHARE);
        }
    }

    private static void row(PrintStream out, String name, Measurement m) {
        out.printf("%-26s %,10.0f %8.2f %9.0f%% %9.0f%% %11.0f%%%n", name, m.wrk().rps(), m.wrk().p99Ms(),
                100 * m.cpu().proxyShare(), 100 * m.cpu().foreignShare(), 100 * m.cpu().clientCoreShare());
    }
}
