package org.vmshield.demo.run;

import java.util.OptionalDouble;
import org.vmshield.load.LoadReport;
import org.vmshield.report.model.RunRecord;

/**
 * What one demo run produced.
 *
 * @param record the report's record of the run
 * @param attackedMigratedSeconds seconds from onset to the completion of the attacked VM's first migration; empty when none
 * @param load the load generator's own report (generator lag, unsent arrivals)
 * @param leftovers VMs still known to the hypervisor after teardown (empty when everything stopped)
 */
public record DemoResult(RunRecord record, OptionalDouble attackedMigratedSeconds, LoadReport load, int leftovers) {}
