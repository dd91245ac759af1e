package org.vmshield.balancer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs wrk against vmshield's balancer, HAProxy and nginx in one run, on loopback: each proxy
 * pinned to one core ({@code taskset}), wrk and the backend (one nginx worker answering a small
 * body) on the other, the same connection count; then vmshield with 100k CIDR rules and 1M tracked
 * sources, and vmshield refusing every request. vmshield runs as a separate JVM, like the others
 * run as separate processes. Every process it starts is stopped at the end, also on failure.
 */
public final class ProxyBenchmark {
    private static final long START_TIMEOUT_MILLIS = 120_000;

    private final BenchOptions options;
    private final PrintStream progress;

    /** Creates a benchmark printing its progress to {@code progress}. */
    public ProxyBenchmark(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

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
                WrkResult haproxy = haproxy(dir, backendPort);
                WrkResult nginx = nginx(dir, backendPort);
                WrkResult vmshield = vmshieldPlain(dir, backendPort);
                return vmshieldWithRules(dir, backendPort, haproxy, nginx, vmshield);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private WrkResult haproxy(Path dir, int backendPort) throws IOException, InterruptedException {
        int port = freePort();
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, ProxyConfigs.haproxy(port, backendPort));
        try (ManagedProcess p = ManagedProcess.start("haproxy",
                pinned(options.proxyCore(), "haproxy", "-db", "-f", cfg.toString()), dir)) {
            p.awaitPort(port, START_TIMEOUT_MILLIS);
            return measure("haproxy", port);
        }
    }

    private WrkResult nginx(Path dir, int backendPort) throws IOException, InterruptedException {
        int port = freePort();
        Path nd = Files.createDirectories(dir.resolve("nginx-proxy"));
        Files.writeString(nd.resolve("nginx.conf"), ProxyConfigs.nginxProxy(nd, port, backendPort));
        try (ManagedProcess p = ManagedProcess.start("nginx proxy", pinned(options.proxyCore(), "nginx", "-p",
                nd.toString(), "-c", nd.resolve("nginx.conf").toString(), "-e", "stderr"), nd)) {
            p.awaitPort(port, START_TIMEOUT_MILLIS);
            return measure("nginx", port);
        }
    }

    private WrkResult vmshieldPlain(Path dir, int backendPort) throws IOException, InterruptedException {
        Path cfg = dir.resolve("vmshield-plain.yaml");
        Files.writeString(cfg, ProxyConfigs.vmshield(backendPort, false));
        try (ManagedProcess p = startVmshield(cfg, 0, 0)) {
            int port = readyPort(p);
            return measure("vmshield", port);
        }
    }

    private BenchResult vmshieldWithRules(Path dir, int backendPort, WrkResult haproxy, WrkResult nginx,
            WrkResult plain) throws IOException, InterruptedException {
        Path cfg = dir.resolve("vmshield-rules.yaml");
        Files.writeString(cfg, ProxyConfigs.vmshield(backendPort, true));
        progress.printf("vmshield: loading %,d CIDR rules and tracking %,d sources...%n", options.cidrRules(),
                options.sources());
        try (ManagedProcess p = startVmshield(cfg, options.cidrRules(), options.sources())) {
            int port = readyPort(p);
            WrkResult withRules = measure("vmshield + rules/sources", port);
            double rss = p.rssMiB();
            progress.printf("vmshield RSS with %,d sources: %.0f MiB%n", options.sources(), rss);
            p.send("refuse-all");
            p.awaitLine("OK refuse-all", 10_000);
            WrkResult refusing = measure("vmshield refusing all", port);
            double refusedPerSec = refusing.rps() * refusing.non2xxShare();
            return new BenchResult(plain, haproxy, nginx, withRules, refusing, refusedPerSec, rss);
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

    private WrkResult measure(String name, int port) throws IOException, InterruptedException {
        if (options.warmupSeconds() > 0) {
            progress.printf("%s: warming up %d s...%n", name, options.warmupSeconds());
            wrk(port, options.warmupSeconds());
        }
        progress.printf("%s: measuring %d s with %d connections...%n", name, options.durationSeconds(),
                options.connections());
        WrkResult r = wrk(port, options.durationSeconds());
        progress.printf("%s: %,.0f req/s, p99 %.2f ms, non-2xx %d, socket errors %d%n", name, r.rps(), r.p99Ms(),
                r.non2xx(), r.socketErrors());
        return r;
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
