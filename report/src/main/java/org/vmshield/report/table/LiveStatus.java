package org.vmshield.report.table;

import java.util.List;
import java.util.Optional;

/**
 * Holds the figures of the demo's live status line for one second.
 *
 * @param elapsedSeconds    seconds since the start of the run
 * @param services          each service's legitimate success rate and p99 over the last second
 * @param attackRps         attack requests per second over the last second
 * @param openIncidents     incidents open now
 * @param actionsInProgress short labels of the actions in progress, e.g. "migrate attacked"
 * @param migration         the progress of a migration in progress, if any
 */
public record LiveStatus(double elapsedSeconds, List<ServiceStatus> services, double attackRps,
        int openIncidents, List<String> actionsInProgress, Optional<MigrationProgress> migration) {

    /** Validates the figures and copies the lists. */
    public LiveStatus {
        if (!(elapsedSeconds >= 0) || !(attackRps >= 0) || openIncidents < 0) {
            throw new IllegalArgumentException(String.format(
                    "live status: elapsedSeconds %s, attackRps %s, openIncidents %d (expected: all >= 0)",
                    elapsedSeconds, attackRps, openIncidents));
        }
        services = List.copyOf(services);
        actionsInProgress = List.copyOf(actionsInProgress);
        java.util.Objects.requireNonNull(migration, "migration");
    }

    /**
     * Holds one service's figures over the last second.
     *
     * @param name        the service
     * @param successRate legitimate successes / completed requests, NaN when none completed
     * @param p99Ms       p99 latency, NaN when none completed
     */
    public record ServiceStatus(String name, double successRate, double p99Ms) {
    }

    /**
     * Holds a migration's progress.
     *
     * @param vm       the VM being migrated
     * @param fraction the part done, in [0, 1] (e.g. RAM transferred / RAM to transfer)
     */
    public record MigrationProgress(String vm, double fraction) {

        /** Validates the fraction. */
        public MigrationProgress {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("migration fraction: " + fraction + " (expected: in [0, 1])");
            }
        }
    }
}
