package org.vmshield.demo.record;

import java.util.List;
import org.vmshield.controller.journal.ActionRecord;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.demo.run.MigrationRecord;
import org.vmshield.demo.scenario.Timeline;
import org.vmshield.load.LoadReport;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.HostCpuSecond;

/**
 * Everything one run measured, as collected; wall-clock times are mapped to run time by
 * subtracting {@code runStartWallMillis} (the load generator's second 0).
 *
 * @param attack the attack profile's name
 * @param mitigation whether the controller was allowed to act
 * @param timeline when the attack ran
 * @param load the load generator's report
 * @param runStartWallMillis wall-clock time of the run's second 0
 * @param journal the journal's timeline
 * @param actions the journal's actions
 * @param migrations completed migrations
 * @param hostCpu host CPU samples, by second
 * @param attackSeconds attack samples, by second
 */
public record RunInputs(String attack, boolean mitigation, Timeline timeline, LoadReport load, long runStartWallMillis,
        List<JournalEvent> journal, List<ActionRecord> actions, List<MigrationRecord> migrations,
        List<HostCpuSecond> hostCpu, List<AttackSecond> attackSeconds) {
    /** Copies the lists. */
    public RunInputs {
        journal = List.copyOf(journal);
        actions = List.copyOf(actions);
        migrations = List.copyOf(migrations);
        hostCpu = List.copyOf(hostCpu);
        attackSeconds = List.copyOf(attackSeconds);
    }
}
