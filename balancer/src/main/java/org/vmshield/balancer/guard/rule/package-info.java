/**
 * Guard rule values: immutable, validated records with ids and optional TTLs, mapped to and from
 * YAML/JSON by Jackson. Start at {@link org.vmshield.balancer.guard.rule.GuardRule}.
 */
package org.vmshield.balancer.guard.rule;
