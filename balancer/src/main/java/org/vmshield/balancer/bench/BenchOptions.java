package org.vmshield.balancer.bench;

import java.util.List;

/**
 * Settings of the proxy benchmark.
 *
 * @param connections wrk connections, the same for every proxy
 * @param durationSeconds measured wrk run per proxy
 * @param warmupSeconds unmeasured wrk run per proxy (and per vmshield mode) before the first round (JIT,
 *     connection pools)
 * @param rounds measured runs per proxy, taken in turn (haproxy, nginx, vmshield, ..., then again); each
 *     figure is the median of its rounds
 * @param cidrRules CIDR blocks loaded for {@code rpsWithRules}
 * @param sources sources the guards track for {@code rpsWithRules} and {@code rssMiBWithSources}
 * @param proxyCore the core every proxy is pinned to
 * @param clientCore the core wrk and the backend are pinned to
 * @param install install wrk, haproxy and nginx with apt-get when missing
 * @param jvmOptions options of the vmshield JVM
 */
public record BenchOptions(int connections, int durationSeconds, int warmupSeconds, int rounds, int cidrRules, int sources,
        int proxyCore, int clientCore, boolean install, List<String> jvmOptions) {
    /** Default JVM options of the benchmarked balancer: a heap a proxy would be given. */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dio.netty.leakDetection.level=disabled");

    public BenchOptions {
        check("connections", connections, 1, 10_000);
        check("durationSeconds", durationSeconds, 1, 600);
        check("warmupSeconds", warmupSeconds, 0, 600);
        check("rounds", rounds, 1, 20);
        check("cidrRules", cidrRules, 0, 1_000_000);
        check("sources", sources, 0, 10_000_000);
        int cores = Runtime.getRuntime().availableProcessors();
        check("proxyCore", proxyCore, 0, cores - 1);
        check("clientCore", clientCore, 0, cores - 1);
        jvmOptions = List.copyOf(jvmOptions);
    }

    private static void check(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + ": " + v + " (expected: " + min + ".." + max + ")");
        }
    }
}
