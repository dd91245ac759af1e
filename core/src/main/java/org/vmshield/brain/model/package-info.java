/**
 * The cluster-state model the brain plans against: hosts, VMs, services with their version
 * catalogues (and the paths known to be vulnerable in each version), the filter rules and
 * weights in force, the actions in flight and the migration bandwidth between hosts.
 * Immutable values. Start at {@link org.vmshield.brain.model.ClusterState}.
 */
package org.vmshield.brain.model;
