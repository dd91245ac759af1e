/**
 * The live-migration benchmark: vmshield's migration against a bare QMP migrate and a plain TCP
 * transfer. Start with {@link org.vmshield.hypervisor.bench.MigrationBench}; the command is
 * {@code vmshield bench migration} ({@link org.vmshield.hypervisor.cli.BenchMigrationCommand}).
 */
package org.vmshield.hypervisor.bench;
