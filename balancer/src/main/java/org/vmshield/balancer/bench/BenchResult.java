package org.vmshield.balancer.bench;

/**
 * The figures of one benchmark run.
 *
 * @param vmshield the vmshield balancer, no rules
 * @param haproxy HAProxy
 * @param nginx nginx as a reverse proxy
 * @param withRules vmshield with {@code cidrRules} CIDR blocks and {@code sources} tracked sources
 * @param refusing vmshield refusing (nearly) every request with a rate limit
 * @param refusedPerSec refusals per second while refusing
 * @param rssMiBWithSources resident memory of the vmshield JVM with the sources tracked
 */
public record BenchResult(WrkResult vmshield, WrkResult haproxy, WrkResult nginx, WrkResult withRules,
        WrkResult refusing, double refusedPerSec, double rssMiBWithSources) {}
