/**
 * The load balancer, wired: start at {@link org.vmshield.balancer.Balancer} ({@code new
 * Balancer(config).start()}), which owns the event loops, listeners, pools, guard chain, telemetry
 * and admin API, and offers the runtime control the controller calls in-process
 * ({@code setState}, {@code setAddress}, {@code setWeight}, {@code addRule}, {@code snapshot}).
 * {@code PoolTraffic} connects a pool's proxy to the guards and to its per-source/per-path telemetry.
 */
package org.vmshield.balancer;
