package org.vmshield.brain.plan;

import java.util.Locale;
import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.migration.PreCopyModel;
import org.vmshield.brain.model.ClusterState;
import org.vmshield.brain.model.VmState;

/**
 * Prices a live migration: the pre-copy model's prediction turned into one cost number.
 *
 * <p>cost = migrationWeightPerSec × total seconds + downtimeWeightPerSec × weight(criticality) ×
 * downtime seconds, plus for auto-converge the throttle × total seconds × weight (the guest runs
 * slower) and for post-copy 5 × weight (the VM is lost if the link fails mid-way).
 */
final class MigrationCosting {
    /** λ assumed when a VM's dirty rate was never measured: a busy guest. */
    static final double UNKNOWN_DIRTY_LAMBDA = 0.5;

    private final PreCopyModel model;
    private final PlannerConfig config;

    MigrationCosting(PlannerConfig config) {
        this.config = config;
        this.model = new PreCopyModel(config.preCopy());
    }

    /** Predicts migrating {@code vm} from its host to {@code toHost} with the VM's own options. */
    MigrationPrediction predict(ClusterState cluster, VmState vm, String toHost) {
        double bandwidth = cluster.bandwidth().between(vm.host(), toHost);
        double dirty = Double.isNaN(vm.dirtyRateMiBPerSec()) ? bandwidth * UNKNOWN_DIRTY_LAMBDA : vm.dirtyRateMiBPerSec();
        return model.predict(vm.memoryMiB(), bandwidth, dirty, vm.migration());
    }

    /** Returns the cost of a converging prediction for a VM. */
    double cost(VmState vm, MigrationPrediction p) {
        double w = Weights.of(vm.criticality());
        double totalSec = p.totalMillis() / 1000.0;
        double cost = config.migrationWeightPerSec() * totalSec
                + config.downtimeWeightPerSec() * w * p.downtimeMillis() / 1000.0;
        if (p.mode() == MigrationMode.AUTO_CONVERGE) {
            cost += p.maxThrottle() * totalSec * w;
        } else if (p.mode() == MigrationMode.POST_COPY) {
            cost += 5 * w;
        }
        return cost;
    }

    /** Returns the downtime limit migrations are started with. */
    long downtimeLimitMillis() {
        return config.preCopy().downtimeLimitMillis();
    }

    /** Returns a short effect string for a migration. */
    static String effect(MigrationPrediction p) {
        return String.format(Locale.ROOT, "%s: %.1f s, downtime %.0f ms, %.0f MiB sent", p.mode(),
                p.totalMillis() / 1000.0, p.downtimeMillis(), p.totalSentMiB());
    }
}
