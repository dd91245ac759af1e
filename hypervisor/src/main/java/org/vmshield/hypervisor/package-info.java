/**
 * The hypervisor as vmshield sees it, free of any driver's details.
 *
 * <p>Start with {@link org.vmshield.hypervisor.Hypervisor}: hosts, VMs, start, stop, usage samples,
 * live migration ({@link org.vmshield.hypervisor.MigrationOptions},
 * {@link org.vmshield.hypervisor.MigrationHandle}) and dirty-rate measurement. The QEMU driver is
 * {@link org.vmshield.hypervisor.qemu.QemuHypervisor}; its hosts come from a cluster file
 * ({@link org.vmshield.hypervisor.cluster.ClusterFile}).
 */
package org.vmshield.hypervisor;
