package org.vmshield.balancer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs wrk against vmshield's balancer, HAProxy and nginx in one run, on loopback: each proxy
 * pinned to one core ({@code taskset}), wrk and the backend (one nginx worker answering a small
 * body) on the other, the same connection count; then vmshield with 100k CIDR rules and 1M tracked
 * sources, and that vmshield refusing every request. vmshield runs as a separate JVM, like the others
 * run as separate processes.
 *
 * <p>All proxies run at once (an idle one costs nothing) and are measured in turn, round after
 * round, each figure the median of its rounds: a disturbance (another build on the machine) then
 * hits every proxy alike instead of one, and shows in the CPU figures taken with each measurement
 * ({@link CpuShares}). Every process it starts is stopped at the end, also on failure.
 */
public final class ProxyBenchmark {
    private static final long START_TIMEOUT_MILLIS = 180_000;
    /** Share of the proxy's core, or of the client core, used by others above which a measurement is disturbed. */
    public static final double MAX_FOREIGN_SHARE = 0.10;

    /**
     * Unmeasured seconds of load right before each measured run (when warming up at all): between
     * rounds a proxy sits idle while the others are measured, and a JVM back from idleness first
     * throws away and recompiles part of its hot read path (cause not found; see docs/balancer.md)
     * and runs slower for a few seconds. The same for every proxy.
     */
    private static final int PRE_ROLL_SECONDS = 3;
    private static final long SETTLE_MAX_MILLIS = 30_000;
    private static final long SETTLE_WINDOW_MILLIS = 1_000;
    private static final double SETTLE_MAX_SHARE = 0.03;

    private final BenchOptions options;
    private final PrintStream progress;

    /** Creates a benchmark printing its progress to {@code progress}. */
    public ProxyBenchmark(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** One thing wrk is pointed at: a proxy, or vmshield in a mode. */
    private record Target(String name, int port, ManagedProcess process, String before, String after) {}

    /** Runs the benchmark. */
    public BenchResult run() throws IOException, InterruptedException {
        Tools.ensureInstalled(options.install(), progress);
        Path dir = Files.createTempDirectory("vmshield-bench-balancer-");
        try {
            int backendPort = freePort();
            Path backendDir = Files.createDirectories(dir.resolve("backend"));
            Files.writeString(backendDir.resolve("nginx.conf"), ProxyConfigs.nginxBackend(backendDir, backendPort));
            try (ManagedProcess backend = ManagedProcess.start("backend nginx",
                    pinned(options.clientCore(), "nginx", "-p", backendDir.toString(), "-c",
                            backendDir.resolve("nginx.conf").toString(), "-e", "stderr"), backendDir)) {
                backend.awaitPort(backendPort, START_TIMEOUT_MILLIS);
                progress.printf("backend: nginx, 1 worker on core %d, port %d%n", options.clientCore(), backendPort);
                return runProxies(dir, backendPort, backend.handle());
            }
        } finally {
            deleteTree(dir);
        }
    }

    private BenchResult runProxies(Path dir, int backendPort, ProcessHandle backend)
            throws IOException, InterruptedException {
        int haproxyPort = freePort();
        Path haproxyCfg = dir.resolve("haproxy.cfg");
        Files.writeString(haproxyCfg, ProxyConfigs.haproxy(haproxyPort, backendPort));
        int nginxPort = freePort();
        Path nd = Files.createDirectories(dir.resolve("nginx-proxy"));
        Files.writeString(nd.resolve("nginx.conf"), ProxyConfigs.nginxProxy(nd, nginxPort, backendPort));
        Path plainCfg = dir.resolve("vmshield-plain.yaml");
        Files.writeString(plainCfg, ProxyConfigs.vmshield(backendPort, false));
        Path rulesCfg = dir.resolve("vmshield-rules.yaml");
        Files.writeString(rulesCfg, ProxyConfigs.vmshield(backendPort, true));
        progress.printf("starting HAProxy, nginx and two vmshield JVMs on core %d (one loading %,d CIDR rules and"
                + " tracking %,d sources)...%n", options.proxyCore(), options.cidrRules(), options.sources());
        try (ManagedProcess haproxy = ManagedProcess.start("haproxy",
                        pinned(options.proxyCore(), "haproxy", "-db", "-f", haproxyCfg.toString()), dir);
                ManagedProcess nginx = ManagedProcess.start("nginx proxy", pinned(options.proxyCore(), "nginx", "-p",
                        nd.toString(), "-c", nd.resolve("nginx.conf").toString(), "-e", "stderr"), nd);
                ManagedProcess plain = startVmshield(plainCfg, 0, 0);
                ManagedProcess rules = startVmshield(rulesCfg, options.cidrRules(), options.sources())) {
            haproxy.awaitPort(haproxyPort, START_TIMEOUT_MILLIS);
            nginx.awaitPort(nginxPort, START_TIMEOUT_MILLIS);
            int plainPort = readyPort(plain);
            int rulesPort = readyPort(rules);
            List<Target> targets = List.of(
                    new Target("haproxy", haproxyPort, haproxy, null, null),
                    new Target("nginx", nginxPort, nginx, null, null),
                    new Target("vmshield", plainPort, plain, null, null),
                    new Target("vmshield + rules/sources", rulesPort, rules, null, null),
                    new Target("vmshield refusing all", rulesPort, rules, "refuse-all", "allow-all"));
            for (Target t : targets) {
                warmUp(t);
            }
            settle(List.of(haproxy, nginx, plain, rules));
            Map<String, List<Measurement>> byTarget = new LinkedHashMap<>();
            for (int round = 1; round <= options.rounds(); round++) {
                for (Target t : targets) {
                    byTarget.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(measure(t, round, backend));
                }
            }
            printRounds(byTarget);
            double rss = rules.rssMiB();
            progress.printf("vmshield RSS with %,d sources: %.0f MiB%n", options.sources(), rss);
            Measurement refusing = Measurement.median(byTarget.get("vmshield refusing all"));
            return new BenchResult(Measurement.median(byTarget.get("vmshield")),
                    Measurement.median(byTarget.get("haproxy")), Measurement.median(byTarget.get("nginx")),
                    Measurement.median(byTarget.get("vmshield + rules/sources")), refusing,
                    refusing.wrk().rps() * refusing.wrk().non2xxShare(), rss);
        }
    }

    private void warmUp(Target t) throws IOException, InterruptedException {
        if (options.warmupSeconds() == 0) {
            return;
        }
        progress.printf("%s: warming up %d s...%n", t.name(), options.warmupSeconds());
        command(t.process(), t.before());
        wrk(t.port(), options.warmupSeconds());
        command(t.process(), t.after());
    }

    private Measurement measure(Target t, int round, ProcessHandle backend) throws IOException, InterruptedException {
        command(t.process(), t.before());
        if (options.warmupSeconds() > 0) {
            wrk(t.port(), PRE_ROLL_SECONDS);
        }
        CpuMeter.Sample a = CpuMeter.sample(options.proxyCore(), options.clientCore(), t.process().handle(), backend);
        WrkResult r = wrk(t.port(), options.durationSeconds());
        CpuMeter.Sample b = CpuMeter.sample(options.proxyCore(), options.clientCore(), t.process().handle(), backend);
        command(t.process(), t.after());
        Measurement m = new Measurement(r, CpuMeter.between(a, b), 1);
        CpuShares c = m.cpu();
        progress.printf("%s, round %d/%d: %,.0f req/s, p99 %.2f ms, non-2xx %d, socket errors %d; CPU: proxy %.0f%%"
                + " (per request %.1f us user, %.1f us system), others on its core %.0f%%, client core %.0f%% (others"
                + " %.0f%%)%s%n", t.name(), round, options.rounds(), r.rps(), r.p99Ms(), r.non2xx(), r.socketErrors(),
                100 * c.proxyShare(), m.userMicrosPerRequest(), m.systemMicrosPerRequest(), 100 * c.foreignShare(),
                100 * c.clientCoreShare(), 100 * c.clientForeignShare(),
                m.disturbed(MAX_FOREIGN_SHARE) ? " (DISTURBED)" : "");
        return m;
    }

    /**
     * Prints each target's rounds on one line: its rate and its kernel time per request. On this
     * machine the kernel's cost per request jumps by 15-50% for 3-12 s at a time, whichever proxy runs
     * (HAProxy too), so a round's rate is compared with its system time before it is read as the proxy's.
     */
    private void printRounds(Map<String, List<Measurement>> byTarget) {
        progress.println("rounds (req/s, proxy system time per request):");
        byTarget.forEach((name, rounds) -> {
            StringBuilder line = new StringBuilder(String.format("  %-26s", name));
            for (Measurement m : rounds) {
                line.append(String.format(" %,7.0f (%4.1f us%s)", m.wrk().rps(), m.systemMicrosPerRequest(),
                        m.disturbed(MAX_FOREIGN_SHARE) ? ", DISTURBED" : ""));
            }
            progress.println(line);
        });
    }

    /**
     * Waits (up to {@link #SETTLE_MAX_MILLIS}) until the proxies are idle: a JVM may still be compiling
     * what its warm-up made hot, on the core the first measured proxy is about to use.
     */
    private void settle(List<ManagedProcess> proxies) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE_MAX_MILLIS * 1_000_000;
        double busy;
        do {
            long before = 0;
            for (ManagedProcess p : proxies) {
                before += CpuMeter.sample(options.proxyCore(), options.clientCore(), p.handle()).proxyTicks();
            }
            TimeUnit.MILLISECONDS.sleep(SETTLE_WINDOW_MILLIS); // a measuring window, not a wait for an event
            long after = 0;
            for (ManagedProcess p : proxies) {
                after += CpuMeter.sample(options.proxyCore(), options.clientCore(), p.handle()).proxyTicks();
            }
            busy = (after - before) / (SETTLE_WINDOW_MILLIS / 1000.0 * CpuMeter.TICKS_PER_SECOND);
        } while (busy > SETTLE_MAX_SHARE && System.nanoTime() < deadline);
        progress.printf("proxies idle before the rounds: %.0f%% of a core in the last %d ms%n", 100 * busy,
                SETTLE_WINDOW_MILLIS);
    }

    /** Sends a mode command (refuse-all, allow-all) to a vmshield JVM and waits for its answer. */
    private static void command(ManagedProcess p, String line) throws IOException, InterruptedException {
        if (line != null) {
            p.send(line);
            p.awaitLine("OK " + line, 10_000);
        }
    }

    private ManagedProcess startVmshield(Path cfg, int cidrRules, int sources) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options.jvmOptions());
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchBalancerServer.class.getName());
        cmd.add(cfg.toString());
        cmd.add(Integer.toString(cidrRules));
        cmd.add(Integer.toString(sources));
        return ManagedProcess.start("vmshield", pinned(options.proxyCore(), cmd.toArray(String[]::new)), cfg.getParent());
    }

    private static int readyPort(ManagedProcess p) throws IOException, InterruptedException {
        String line = p.awaitLine("READY port=", START_TIMEOUT_MILLIS);
        return Integer.parseInt(line.substring("READY port=".length()).split(" ")[0]);
    }

    private WrkResult wrk(int port, int seconds) throws IOException, InterruptedException {
        try (ManagedProcess w = ManagedProcess.start("wrk", pinned(options.clientCore(), "wrk", "-t1",
                "-c" + options.connections(), "-d" + seconds + "s", "--latency", "http://127.0.0.1:" + port + "/"), null)) {
            int code = w.waitFor(seconds * 1000L + 30_000);
            if (code != 0) {
                throw new IOException("wrk exited with " + code + ":\n" + w.log());
            }
            return WrkResult.parse(w.log());
        }
    }

    private static List<String> pinned(int core, String... command) {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", Integer.toString(core)));
        cmd.addAll(List.of(command));
        return cmd;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
