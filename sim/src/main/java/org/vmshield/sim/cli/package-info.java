/**
 * The {@code vmshield simulate} command and its table output. Start at
 * {@link org.vmshield.sim.cli.SimulateCommand}.
 */
package org.vmshield.sim.cli;
