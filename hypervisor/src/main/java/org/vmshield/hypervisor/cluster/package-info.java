/**
 * The cluster file: which local hosts exist and how VMs are networked.
 *
 * <p>Start with {@link org.vmshield.hypervisor.cluster.ClusterFile#load}, which returns a
 * validated {@link org.vmshield.hypervisor.cluster.ClusterConfig}.
 */
package org.vmshield.hypervisor.cluster;
