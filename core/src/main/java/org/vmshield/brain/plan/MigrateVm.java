package org.vmshield.brain.plan;

import java.util.Objects;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.model.MigrationOptions;

/**
 * Live-migrates a VM to another host. {@code back} is true when it returns a VM to the host it
 * left during an incident (de-escalation).
 *
 * @param vm the VM
 * @param fromHost where it runs
 * @param toHost where it goes (never {@code fromHost})
 * @param options auto-converge / post-copy allowed for this migration
 * @param downtimeLimitMillis the downtime limit to set on the migration
 * @param prediction the pre-copy model's prediction
 * @param back true for a migrate-back
 */
public record MigrateVm(String vm, String fromHost, String toHost, MigrationOptions options, long downtimeLimitMillis,
        MigrationPrediction prediction, boolean back, String incidentId, String reason, String predictedEffect)
        implements Action {
    public MigrateVm {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(toHost, "toHost");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(prediction, "prediction");
        if (fromHost.equals(toHost)) {
            throw new IllegalArgumentException("migrate %s: toHost %s (expected: another host than %s)"
                    .formatted(vm, toHost, fromHost));
        }
    }

    @Override
    public String describe() {
        return (back ? "migrate-back " : "migrate ") + vm + " " + fromHost + "->" + toHost + " mode=" + prediction.mode()
                + (options.allowAutoConverge() ? " auto-converge" : "") + (options.allowPostCopy() ? " post-copy" : "");
    }
}
