package org.vmshield.demo.run;

import java.util.List;
import java.util.OptionalDouble;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.load.LoadReport;
import org.vmshield.report.model.RunRecord;

/**
 * What one demo run produced.
 *
 * @param record the report's record of the run
 * @param attackedMigratedSeconds seconds from onset to the completion of the attacked VM's first migration; empty when none
 * @param load the load generator's own report (generator lag, unsent arrivals)
 * @param leftovers VMs still known to the hypervisor after teardown (empty when everything stopped)
 * @param journal the controller's journal of the run (incidents, decisions, actions, steps)
 * @param onsetWallMillis wall-clock time of the attack's onset
 */
public record DemoResult(RunRecord record, OptionalDouble attackedMigratedSeconds, LoadReport load, int leftovers,
        List<JournalEvent> journal, long onsetWallMillis) {
    public DemoResult {
        journal = List.copyOf(journal);
    }
}
