/**
 * The YAML configuration: {@link org.vmshield.balancer.config.ConfigMapper#loadFile} reads a file
 * into {@link org.vmshield.balancer.config.BalancerConfig} and validates it; every problem names the
 * field and what was expected.
 */
package org.vmshield.balancer.config;
