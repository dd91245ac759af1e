/**
 * Running a simulation: each tick the traffic model, CPU contention and queueing turn the world
 * into the same telemetry the live balancer and hypervisor produce; the brain decides; the
 * executor carries the plan out in the model with simulated durations (pre-copy rounds, boots,
 * drains). Start at {@link org.vmshield.sim.run.Simulation} and {@link org.vmshield.sim.run.SimResult}.
 */
package org.vmshield.sim.run;
