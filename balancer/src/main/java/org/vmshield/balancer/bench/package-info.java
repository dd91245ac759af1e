/**
 * Balancer benchmarks: the hot-path micro-benchmark of the guards and sketches
 * ({@link org.vmshield.balancer.bench.GuardMicroBenchmark}) and the wrk comparison with HAProxy
 * and nginx ({@link org.vmshield.balancer.bench.ProxyBenchmark}), both run by
 * {@code vmshield bench balancer}.
 */
package org.vmshield.balancer.bench;
