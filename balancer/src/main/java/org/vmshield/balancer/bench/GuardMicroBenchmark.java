package org.vmshield.balancer.bench;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.vmshield.balancer.guard.GuardChain;
import org.vmshield.balancer.guard.GuardSettings;
import org.vmshield.balancer.guard.cidr.CidrBlock;
import org.vmshield.balancer.guard.cidr.CidrTable;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;
import org.vmshield.balancer.telemetry.PathTelemetry;
import org.vmshield.balancer.telemetry.SourceTelemetry;

/**
 * Measures the guards' and sketches' hot paths on one thread, on demand (not a test): CIDR
 * lookups with 100k blocks, the whole chain with 100k CIDR blocks and 1M tracked sources, the
 * refusal path, and the telemetry sketches. Each figure runs for a fixed time.
 * Run: {@code ./vmshield bench balancer --guards-only}.
 */
public final class GuardMicroBenchmark {
    /** CIDR blocks loaded. */
    public static final int CIDR_BLOCKS = 100_000;
    /** Sources tracked by the per-source rate rule. */
    public static final int TRACKED_SOURCES = 1_000_000;

    private final long runMillis;
    private final PrintStream out;

    /** Creates a benchmark spending about {@code runMillis} per figure, printing progress to {@code out}. */
    public GuardMicroBenchmark(long runMillis, PrintStream out) {
        if (runMillis < 100) {
            throw new IllegalArgumentException("runMillis: " + runMillis + " (expected: >= 100)");
        }
        this.runMillis = runMillis;
        this.out = out;
    }

    /** Runs the benchmark and returns operations per second by name. */
    public Map<String, Double> run() {
        Map<String, Double> r = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(7);
        List<String> blocks = randomBlocks(CIDR_BLOCKS, new Random(11));
        List<CidrBlock> parsed = new ArrayList<>(blocks.size());
        for (String b : blocks) {
            parsed.add(CidrBlock.parse(b));
        }
        CidrTable table = CidrTable.build(parsed, new int[parsed.size()], new int[parsed.size()]);
        int[] probes = new int[1 << 16];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = rnd.nextInt();
        }
        r.put("cidrLookupsPerSec", measure("CIDR lookup, 100k blocks", n -> {
            long sink = 0;
            for (long i = 0; i < n; i++) {
                sink += table.lookupV4(probes[(int) i & 0xffff]);
            }
            return sink;
        }));

        GuardChain chain = new GuardChain(GuardSettings.of(TRACKED_SOURCES));
        long compile = System.nanoTime();
        chain.rules().add(new CidrRule("bench-deny", "deny", blocks, null, null));
        out.printf("  validated and published a rule of %,d CIDR blocks in %d ms%n", blocks.size(),
                (System.nanoTime() - compile) / 1_000_000);
        r.put("cidrPublishMillis", (System.nanoTime() - compile) / 1e6);
        chain.rules().add(SourceRateRule.of("bench-rate", 1_000_000, 1_000_000));
        chain.rules().add(PathInFlightRule.prefix("bench-cap", "/slow", 1000));
        InetAddress[] sources = loopbackSources(TRACKED_SOURCES);
        long start = System.nanoTime();
        for (InetAddress s : sources) {
            chain.onRequest(s, "bench", "/", System.nanoTime());
        }
        out.printf("  filled %,d sources in %d ms%n", sources.length, (System.nanoTime() - start) / 1_000_000);
        r.put("chainRequestsPerSec", measure("chain.onRequest, 100k CIDR + 1M sources", n -> {
            long sink = 0;
            for (long i = 0; i < n; i++) {
                InetAddress s = sources[(int) (i * 7919 % TRACKED_SOURCES)];
                sink += chain.onRequest(s, "bench", "/", System.nanoTime()).allowed() ? 1 : 0;
            }
            return sink;
        }));
        chain.rules().add(SourceRateRule.of("bench-refuse", 1, 1));
        InetAddress one = sources[0];
        r.put("chainRefusalsPerSec", measure("chain.onRequest refusing (rate limit)", n -> {
            long sink = 0;
            for (long i = 0; i < n; i++) {
                sink += chain.onRequest(one, "bench", "/", System.nanoTime()).refused() ? 1 : 0;
            }
            return sink;
        }));

        SourceTelemetry st = new SourceTelemetry();
        r.put("sourceTelemetryPerSec", measure("SourceTelemetry.onRequest, 1M sources", n -> {
            for (long i = 0; i < n; i++) {
                st.onRequest(sources[(int) (i * 7919 % TRACKED_SOURCES)]);
            }
            return st.snapshot(1000).distinctSources();
        }));
        PathTelemetry pt = new PathTelemetry();
        String[] paths = new String[4096];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = i % 2 == 0 ? "/static/" + (i % 16) : "/item/" + i;
        }
        r.put("pathTelemetryPerSec", measure("PathTelemetry start + done, 2k paths", n -> {
            long now = System.nanoTime() + 1_000_000;
            for (long i = 0; i < n; i++) {
                String path = paths[(int) i & 4095];
                pt.onRequestStarted(path);
                pt.onRequestDone(path, 100_000, now);
            }
            return pt.snapshot(1000).topByRequests().size();
        }));
        return r;
    }

    /** Runs {@code body} with growing counts until it takes runMillis; returns ops per second. */
    private double measure(String name, Body body) {
        long n = 10_000;
        body.run(n); // warm up
        while (true) {
            long t0 = System.nanoTime();
            body.run(n);
            long took = System.nanoTime() - t0;
            if (took >= runMillis * 1_000_000L) {
                double perSec = n * 1e9 / took;
                out.printf("  %-45s %,14.0f /s%n", name, perSec);
                return perSec;
            }
            n = took < 10_000_000 ? n * 10 : (long) (n * (runMillis * 1.1e6 / took));
        }
    }

    @FunctionalInterface
    private interface Body {
        long run(long n);
    }

    /** Returns random IPv4 blocks /16../32 in 1.0.0.0..126.255.255.255 (never loopback). */
    static List<String> randomBlocks(int n, Random rnd) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = 16 + rnd.nextInt(17);
            int a = (1 + rnd.nextInt(126)) << 24 | rnd.nextInt(1 << 24);
            int mask = len == 0 ? 0 : -1 << (32 - len);
            out.add(new CidrBlock(false, 0, (a & mask) & 0xFFFFFFFFL, len).toString());
        }
        return out;
    }

    /** Returns n distinct addresses in 127.16.0.0/12 (loopback). */
    static InetAddress[] loopbackSources(int n) {
        InetAddress[] a = new InetAddress[n];
        for (int i = 0; i < n; i++) {
            int ip = 0x7F100000 + i;
            try {
                a[i] = InetAddress.getByAddress(new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return a;
    }

    /** Runs the benchmark (1 s per figure) and prints the figures. */
    public static void main(String[] args) {
        new GuardMicroBenchmark(1000, System.out).run();
    }
}
