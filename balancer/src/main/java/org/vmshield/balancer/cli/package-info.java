/**
 * The balancer's commands: {@link org.vmshield.balancer.cli.BalancerCommand} ({@code vmshield
 * balancer --config FILE}) and {@link org.vmshield.balancer.cli.BenchBalancerCommand}
 * ({@code vmshield bench balancer}).
 */
package org.vmshield.balancer.cli;
