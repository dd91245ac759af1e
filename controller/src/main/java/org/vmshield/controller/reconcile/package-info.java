/**
 * Recovery after a restart: {@link org.vmshield.controller.reconcile.Reconciler} settles the
 * actions a previous controller left in flight by inspecting the hypervisor.
 */
package org.vmshield.controller.reconcile;
