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
import org.vmshield.balancer.bench.WrkResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmshield bench balancer}: wrk against vmshield, HAProxy and nginx in one run, each proxy on
 * one core, plus throughput with 100k CIDR rules and 1M tracked sources, refusals per second and
 * resident memory; or, with {@code --guards-only}, the guards' hot-path micro-benchmark.
 */
@Command(name = "balancer", mixinStandardHelpOptions = true,
        description = "Benchmarks the balancer against HAProxy and nginx: wrk on loopback, each proxy pinned to one core"
                + " with taskset, wrk and the nginx backend on another; then vmshield with 100k CIDR rules and 1M tracked"
                + " sources, vmshield refusing every request, and its resident memory. Installs wrk, haproxy and nginx"
                + " with apt-get when missing. Progress goes to stderr, the results to stdout.")
public final class BenchBalancerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--connections", defaultValue = "32", description = "wrk connections, the same for every proxy (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--duration-seconds", defaultValue = "8", description = "Measured wrk run per proxy (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "15",
            description = "Unmeasured wrk run before each measured one, the same for every proxy; the JVM needs about 15 s"
                    + " to compile its hot code on one core (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

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
            options = new BenchOptions(connections, durationSeconds, warmupSeconds, cidrRules, sources, proxyCore,
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
        m.put("rpsWithRules", Math.round(r.withRules().rps()));
        m.put("refusedPerSec", Math.round(r.refusedPerSec()));
        m.put("rssMiBWithSources", Math.round(r.rssMiBWithSources()));
        m.put("p99MsWithRules", round2(r.withRules().p99Ms()));
        return m;
    }

    private static Map<String, Object> figures(WrkResult w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rps", Math.round(w.rps()));
        m.put("p99Ms", round2(w.p99Ms()));
        return m;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void printTable(PrintStream out, BenchResult r, BenchOptions o) {
        out.printf("wrk -t1 -c%d -d%ds on 127.0.0.1; proxies pinned to core %d, wrk and backend to core %d%n",
                o.connections(), o.durationSeconds(), o.proxyCore(), o.clientCore());
        out.printf("%-10s %12s %10s%n", "proxy", "req/s", "p99 ms");
        row(out, "vmshield", r.vmshield());
        row(out, "haproxy", r.haproxy());
        row(out, "nginx", r.nginx());
        out.printf("vmshield / haproxy: req/s x%.2f (target >= 1.0), p99 x%.2f (target <= 1.5)%n",
                r.vmshield().rps() / r.haproxy().rps(), r.vmshield().p99Ms() / r.haproxy().p99Ms());
        out.printf("vmshield / nginx:   req/s x%.2f, p99 x%.2f%n",
                r.vmshield().rps() / r.nginx().rps(), r.vmshield().p99Ms() / r.nginx().p99Ms());
        out.printf("rpsWithRules (%,d CIDR rules, %,d sources): %,.0f req/s, %.1f%% below no rules (target <= 10%%)%n",
                o.cidrRules(), o.sources(), r.withRules().rps(), 100 * (1 - r.withRules().rps() / r.vmshield().rps()));
        out.printf("refusedPerSec: %,.0f, x%.2f proxied req/s (target >= 2)%n", r.refusedPerSec(),
                r.refusedPerSec() / r.vmshield().rps());
        out.printf("rssMiBWithSources: %.0f MiB (target <= 512)%n", r.rssMiBWithSources());
    }

    private static void row(PrintStream out, String name, WrkResult w) {
        out.printf("%-10s %,12.0f %10.2f%n", name, w.rps(), w.p99Ms());
    }
}
