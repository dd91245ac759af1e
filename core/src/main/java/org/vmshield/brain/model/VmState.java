package org.vmshield.brain.model;

import java.util.List;
import java.util.Objects;

/**
 * One VM as the controller knows it.
 *
 * @param name VM name; also its backend id in its service's pool
 * @param host host it runs on
 * @param service service it serves
 * @param version version (image) it runs
 * @param vcpus virtual CPUs
 * @param cpuCapCores CPU cap (cgroup quota) in cores; what it can take at most
 * @param memoryMiB guest memory
 * @param criticality how much it matters
 * @param state life state
 * @param cpuUsedCores cores used at the last sample
 * @param dirtyRateMiBPerSec estimated guest memory dirty rate; NaN when never measured
 * @param migration what its live migrations may use
 * @param migrationTimesMillis start times of its recent migrations, oldest first (for cooldown and budget)
 * @param antiAffinityLabels host labels this VM must not be placed on (e.g. {@code small})
 */
public record VmState(
        String name,
        String host,
        String service,
        String version,
        int vcpus,
        double cpuCapCores,
        long memoryMiB,
        Criticality criticality,
        VmRunState state,
        double cpuUsedCores,
        double dirtyRateMiBPerSec,
        MigrationOptions migration,
        List<Long> migrationTimesMillis,
        List<String> antiAffinityLabels) {
    /** Marks a VM that has never migrated. */
    public static final long NEVER = Long.MIN_VALUE;

    public VmState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(criticality, "criticality");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(migration, "migration");
        if (vcpus <= 0) {
            throw new IllegalArgumentException("vm %s vcpus: %s (expected: > 0)".formatted(name, vcpus));
        }
        if (!(cpuCapCores > 0)) {
            throw new IllegalArgumentException("vm %s cpuCapCores: %s (expected: > 0)".formatted(name, cpuCapCores));
        }
        if (memoryMiB <= 0) {
            throw new IllegalArgumentException("vm %s memoryMiB: %s (expected: > 0)".formatted(name, memoryMiB));
        }
        migrationTimesMillis = List.copyOf(migrationTimesMillis);
        antiAffinityLabels = List.copyOf(antiAffinityLabels);
    }

    /** Returns a running VM with no use measured, normal criticality and pre-copy-only migrations. */
    public static VmState of(String name, String host, String service, String version,
            double cpuCapCores, long memoryMiB) {
        return new VmState(name, host, service, version, Math.max(1, (int) Math.ceil(cpuCapCores)), cpuCapCores,
                memoryMiB, Criticality.NORMAL, VmRunState.RUNNING, 0, Double.NaN, MigrationOptions.PRE_COPY_ONLY,
                List.of(), List.of());
    }

    /** Returns the start time of its last migration, or {@link #NEVER}. */
    public long lastMigrationMillis() {
        return migrationTimesMillis.isEmpty() ? NEVER : migrationTimesMillis.get(migrationTimesMillis.size() - 1);
    }

    /** Returns the number of its migrations that started at or after {@code sinceMillis}. */
    public int migrationsSince(long sinceMillis) {
        int n = 0;
        for (int i = migrationTimesMillis.size() - 1; i >= 0 && migrationTimesMillis.get(i) >= sinceMillis; i--) {
            n++;
        }
        return n;
    }

    /** Returns a copy on another host, with a migration recorded at {@code atMillis}. */
    public VmState migratedTo(String newHost, long atMillis) {
        List<Long> times = new java.util.ArrayList<>(migrationTimesMillis);
        times.add(atMillis);
        return new VmState(name, newHost, service, version, vcpus, cpuCapCores, memoryMiB, criticality, state,
                cpuUsedCores, dirtyRateMiBPerSec, migration, times, antiAffinityLabels);
    }

    /** Returns a copy with the given criticality. */
    public VmState withCriticality(Criticality c) {
        return new VmState(name, host, service, version, vcpus, cpuCapCores, memoryMiB, c, state,
                cpuUsedCores, dirtyRateMiBPerSec, migration, migrationTimesMillis, antiAffinityLabels);
    }

    /** Returns a copy with the given measured CPU use and dirty rate. */
    public VmState withUsage(double cpuUsed, double dirtyRate) {
        return new VmState(name, host, service, version, vcpus, cpuCapCores, memoryMiB, criticality, state,
                cpuUsed, dirtyRate, migration, migrationTimesMillis, antiAffinityLabels);
    }

    /** Returns a copy with the given migration options. */
    public VmState withMigration(MigrationOptions options) {
        return new VmState(name, host, service, version, vcpus, cpuCapCores, memoryMiB, criticality, state,
                cpuUsedCores, dirtyRateMiBPerSec, options, migrationTimesMillis, antiAffinityLabels);
    }

    /** Returns a copy running another version. */
    public VmState withVersion(String newVersion) {
        return new VmState(name, host, service, newVersion, vcpus, cpuCapCores, memoryMiB, criticality, state,
                cpuUsedCores, dirtyRateMiBPerSec, migration, migrationTimesMillis, antiAffinityLabels);
    }

    /** Returns a copy with the given anti-affinity labels. */
    public VmState withAntiAffinity(List<String> labels) {
        return new VmState(name, host, service, version, vcpus, cpuCapCores, memoryMiB, criticality, state,
                cpuUsedCores, dirtyRateMiBPerSec, migration, migrationTimesMillis, labels);
    }
}
