package org.vmshield.brain.plan;

import org.vmshield.brain.migration.PreCopyParams;

/**
 * The planner's knobs. Defaults follow KubeVirt's migration limits (2 per host, 5 per cluster).
 *
 * @param maxMigrationsPerHost concurrent migrations touching one host (as source or destination)
 * @param maxMigrationsPerCluster concurrent migrations in the whole cluster
 * @param vmCooldownMillis least time between two migrations of one VM
 * @param migrationBudgetPerVm most migrations of one VM within {@code budgetWindowMillis}
 * @param budgetWindowMillis window of the migration budget
 * @param ruleTtlMillis TTL of the filter rules the planner adds
 * @param maxRulesPerIncident most source rules one incident may install
 * @param minFilterShare least share of the pool's traffic the suspected sources must carry for filtering
 * @param blockConfidence least confidence at which sources are blocked rather than rate-limited
 * @param sourceRateLimitRps per-source rate allowed by a rate-limit rule
 * @param sourceConnectionLimit per-source connections allowed against connection exhaustion
 * @param migrateBack whether de-escalation migrates VMs back to the host they left
 * @param scaleIn whether de-escalation stops the replicas started for an incident
 * @param deescalationHoldDownMillis quiet time after an incident resolved before VMs move back or replicas stop
 * @param scaleOutCooldownMillis least time between two replicas started for one incident
 * @param downtimeWeightPerSec cost of one second of guest downtime, per criticality weight unit
 * @param migrationWeightPerSec cost of one second of migration (bandwidth and CPU spent)
 * @param preCopy knobs of the pre-copy model
 */
public record PlannerConfig(
        int maxMigrationsPerHost,
        int maxMigrationsPerCluster,
        long vmCooldownMillis,
        int migrationBudgetPerVm,
        long budgetWindowMillis,
        long ruleTtlMillis,
        int maxRulesPerIncident,
        double minFilterShare,
        double blockConfidence,
        double sourceRateLimitRps,
        int sourceConnectionLimit,
        boolean migrateBack,
        boolean scaleIn,
        long deescalationHoldDownMillis,
        long scaleOutCooldownMillis,
        double downtimeWeightPerSec,
        double migrationWeightPerSec,
        PreCopyParams preCopy) {
    /** The defaults. */
    public static final PlannerConfig DEFAULTS = new PlannerConfig(2, 5, 300_000, 3, 3_600_000, 600_000, 32, 0.5, 0.8,
            10, 8, true, true, 120_000, 120_000, 20, 1, PreCopyParams.DEFAULTS);

    public PlannerConfig {
        positive("maxMigrationsPerHost", maxMigrationsPerHost);
        positive("maxMigrationsPerCluster", maxMigrationsPerCluster);
        nonNegative("vmCooldownMillis", vmCooldownMillis);
        positive("migrationBudgetPerVm", migrationBudgetPerVm);
        positive("budgetWindowMillis", budgetWindowMillis);
        positive("ruleTtlMillis", ruleTtlMillis);
        positive("maxRulesPerIncident", maxRulesPerIncident);
        nonNegative("deescalationHoldDownMillis", deescalationHoldDownMillis);
        nonNegative("scaleOutCooldownMillis", scaleOutCooldownMillis);
        if (!(minFilterShare > 0 && minFilterShare <= 1)) {
            throw new IllegalArgumentException("minFilterShare: %s (expected: 0 < x <= 1)".formatted(minFilterShare));
        }
        if (!(blockConfidence >= 0 && blockConfidence <= 1)) {
            throw new IllegalArgumentException("blockConfidence: %s (expected: 0..1)".formatted(blockConfidence));
        }
        if (!(sourceRateLimitRps > 0)) {
            throw new IllegalArgumentException("sourceRateLimitRps: %s (expected: > 0)".formatted(sourceRateLimitRps));
        }
        positive("sourceConnectionLimit", sourceConnectionLimit);
        if (!(downtimeWeightPerSec >= 0) || !(migrationWeightPerSec >= 0)) {
            throw new IllegalArgumentException("cost weights: %s, %s (expected: >= 0)"
                    .formatted(downtimeWeightPerSec, migrationWeightPerSec));
        }
        java.util.Objects.requireNonNull(preCopy, "preCopy");
    }

    /** Returns a copy with other migration limits. */
    public PlannerConfig withMigrationLimits(int perHost, int perCluster, long cooldownMillis, int budgetPerVm,
            long windowMillis) {
        return new PlannerConfig(perHost, perCluster, cooldownMillis, budgetPerVm, windowMillis, ruleTtlMillis,
                maxRulesPerIncident, minFilterShare, blockConfidence, sourceRateLimitRps, sourceConnectionLimit,
                migrateBack, scaleIn, deescalationHoldDownMillis, scaleOutCooldownMillis, downtimeWeightPerSec,
                migrationWeightPerSec, preCopy);
    }

    /** Returns a copy with migrate-back and scale-in on or off. */
    public PlannerConfig withUndo(boolean back, boolean in) {
        return new PlannerConfig(maxMigrationsPerHost, maxMigrationsPerCluster, vmCooldownMillis, migrationBudgetPerVm,
                budgetWindowMillis, ruleTtlMillis, maxRulesPerIncident, minFilterShare, blockConfidence,
                sourceRateLimitRps, sourceConnectionLimit, back, in, deescalationHoldDownMillis, scaleOutCooldownMillis,
                downtimeWeightPerSec, migrationWeightPerSec, preCopy);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException("%s: %s (expected: > 0)".formatted(name, v));
        }
    }

    private static void nonNegative(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException("%s: %s (expected: >= 0)".formatted(name, v));
        }
    }
}
