/**
 * The hypervisor's commands: {@code vmshield vm} ({@link org.vmshield.hypervisor.cli.VmCommand},
 * with {@code demo-migrate}), {@code vmshield cleanup}
 * ({@link org.vmshield.hypervisor.cli.CleanupCommand}), {@code vmshield bench migration}
 * ({@link org.vmshield.hypervisor.cli.BenchMigrationCommand}) and {@code vmshield image}
 * ({@link org.vmshield.hypervisor.cli.ImageCommand}).
 */
package org.vmshield.hypervisor.cli;
