package org.vmshield.balancer.bench;

import java.util.List;

/**
 * The figures of one benchmark run, each the median of its rounds.
 *
 * @param vmshield the vmshield balancer, no rules
 * @param haproxy HAProxy
 * @param nginx nginx as a reverse proxy
 * @param withRules vmshield with {@code cidrRules} CIDR blocks and {@code sources} tracked sources
 * @param refusing that vmshield refusing (nearly) every request with a rate limit
 * @param refusedPerSec refusals per second while refusing
 * @param rssMiBWithSources resident memory of the vmshield JVM with the sources tracked
 */
public record BenchResult(Measurement vmshield, Measurement haproxy, Measurement nginx, Measurement withRules,
        Measurement refusing, double refusedPerSec, double rssMiBWithSources) {
    /** Returns every measurement, in the order they are printed. */
    public List<Measurement> all() {
        return List.of(vmshield, haproxy, nginx, withRules, refusing);
    }

    /** Returns true when, in the median, something else used more than the tolerated share of a proxy's core. */
    public boolean disturbed() {
        return all().stream().anyMatch(m -> m.disturbed(ProxyBenchmark.MAX_FOREIGN_SHARE));
    }
}
