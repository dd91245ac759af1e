/**
 * The {@code vmshield bench ...} subcommands. Start at
 * {@link org.vmshield.bench.cli.BenchBrainCommand} ({@code vmshield bench brain}).
 */
package org.vmshield.bench.cli;
