/**
 * The {@code vmshield bench ...} subcommands. Start at
 * {@link org.vmshield.bench.cli.BenchBrainCommand} ({@code vmshield bench brain}) and
 * {@link org.vmshield.bench.cli.BenchControllerCommand} ({@code vmshield bench controller}).
 */
package org.vmshield.bench.cli;
