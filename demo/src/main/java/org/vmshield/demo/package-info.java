/**
 * {@code vmshield demo}: the paper's canonical scenario (Ando et al., Fig. 2/3) with real QEMU VMs,
 * attacked, mitigated by the controller and measured. Start at {@link org.vmshield.demo.cli.DemoCommand}
 * (the command), {@link org.vmshield.demo.run.DemoRunner} (one run end to end),
 * {@link org.vmshield.demo.scenario.DemoTopology} (hosts, services, VMs) and
 * {@link org.vmshield.demo.scenario.LoadSizing} (legitimate and attack rates for this machine).
 */
package org.vmshield.demo;
