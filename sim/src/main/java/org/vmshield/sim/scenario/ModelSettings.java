package org.vmshield.sim.scenario;

/**
 * Knobs of the simulated world, with defaults from DESIGN.md's measurements where there are any.
 *
 * @param tickMillis telemetry and brain period
 * @param migrationBandwidthMiBPerSec link bandwidth between two hosts for a migration
 * @param hostNicMiBPerSec a host's migration bandwidth, shared by its concurrent migrations
 * @param hostOverheadMillisPerRequest host CPU (outside the VMs' caps) per request delivered to a VM:
 *     packet processing, vhost, interrupts
 * @param migrationCpuCores source-host CPU a migration takes while it runs
 * @param requestTimeoutMillis a request not answered within this counts as failed
 * @param bootMillis time for a new VM to boot (2.3 s measured under TCG)
 * @param healthDelayMillis health checks before a new VM gets traffic
 * @param drainMillis time an old backend drains before it is stopped
 * @param downtimeLimitMillis QEMU's downtime limit for migrations
 */
public record ModelSettings(
        Long tickMillis,
        Double migrationBandwidthMiBPerSec,
        Double hostNicMiBPerSec,
        Double hostOverheadMillisPerRequest,
        Double migrationCpuCores,
        Long requestTimeoutMillis,
        Long bootMillis,
        Long healthDelayMillis,
        Long drainMillis,
        Long downtimeLimitMillis) {
    /** All defaults. */
    public static final ModelSettings DEFAULTS = new ModelSettings(null, null, null, null, null, null, null, null, null, null);

    public ModelSettings {
        tickMillis = tickMillis == null ? 500L : tickMillis;
        migrationBandwidthMiBPerSec = migrationBandwidthMiBPerSec == null ? 100.0 : migrationBandwidthMiBPerSec;
        hostNicMiBPerSec = hostNicMiBPerSec == null ? 200.0 : hostNicMiBPerSec;
        hostOverheadMillisPerRequest = hostOverheadMillisPerRequest == null ? 0.1 : hostOverheadMillisPerRequest;
        migrationCpuCores = migrationCpuCores == null ? 0.1 : migrationCpuCores;
        requestTimeoutMillis = requestTimeoutMillis == null ? 2000L : requestTimeoutMillis;
        bootMillis = bootMillis == null ? 2300L : bootMillis;
        healthDelayMillis = healthDelayMillis == null ? 1000L : healthDelayMillis;
        drainMillis = drainMillis == null ? 2000L : drainMillis;
        downtimeLimitMillis = downtimeLimitMillis == null ? 300L : downtimeLimitMillis;
    }
}
