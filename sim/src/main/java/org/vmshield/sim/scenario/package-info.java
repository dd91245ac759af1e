/**
 * Scenarios: what a simulation runs (hosts, services with their traffic and version catalogues,
 * VMs, attacks, model settings), read from YAML or generated. Start at
 * {@link org.vmshield.sim.scenario.Scenario}, {@link org.vmshield.sim.scenario.ScenarioLoader}
 * (files and the built-in {@code paper} scenario) and
 * {@link org.vmshield.sim.scenario.DatacenterGenerator}.
 */
package org.vmshield.sim.scenario;
