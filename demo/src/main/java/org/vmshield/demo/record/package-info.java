/**
 * Turns what one run measured into the report's {@link org.vmshield.report.model.RunRecord}
 * ({@link org.vmshield.demo.record.RunAssembler}: the load generator's per-second series and exact
 * per-phase histograms, host CPU, the journal's incidents and actions, the hypervisor's migrations)
 * and checks the targets against it ({@link org.vmshield.demo.record.TargetCheck}).
 */
package org.vmshield.demo.record;
