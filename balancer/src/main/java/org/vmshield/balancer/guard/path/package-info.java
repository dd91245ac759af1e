/**
 * Request-path matching for path rules. Start at {@link org.vmshield.balancer.guard.path.PathPattern}.
 */
package org.vmshield.balancer.guard.path;
