/**
 * Guard filters in front of the proxy: CIDR allow/deny, per-source request and connection limits,
 * path rules; rules with ids and TTLs published atomically. Start at
 * {@link org.vmshield.balancer.guard.GuardChain} (the hot path), its
 * {@link org.vmshield.balancer.guard.GuardRuleStore} (rule management) and
 * {@link org.vmshield.balancer.guard.GuardRuleParser} (YAML/JSON); the filter order and the
 * eviction policy are described in docs/guards.md.
 */
package org.vmshield.balancer.guard;
