/**
 * The simulated world: hosts, VMs and services as mutable state (one simulation thread), the CPU
 * contention model and the queueing approximation that turn CPU shares into latency and success.
 * Start at {@link org.vmshield.sim.world.World}, {@link org.vmshield.sim.world.CpuContention} and
 * {@link org.vmshield.sim.world.Queueing}.
 */
package org.vmshield.sim.world;
