/**
 * Address blocks and longest-prefix matching for CIDR rules. Start at
 * {@link org.vmshield.balancer.guard.cidr.CidrTable}.
 */
package org.vmshield.balancer.guard.cidr;
