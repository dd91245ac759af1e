package org.vmshield.brain.detect;

import java.util.Objects;
import org.vmshield.brain.incident.HysteresisConfig;

/**
 * Every detection threshold, with sane defaults ({@link #DEFAULTS}); see docs/detection.md.
 *
 * @param baseline how baselines learn
 * @param flood volumetric flood
 * @param flashCrowd flash crowd versus flood
 * @param cost cost attack
 * @param connections connection exhaustion
 * @param saturation hypervisor-side saturation
 * @param hysteresis when findings open incidents and when incidents resolve
 * @param evictAfterMillis a series (pool, backend, path) not reported for this long is forgotten
 *     (default 10 min), so memory stays bounded by what is live
 */
public record DetectorConfig(
        BaselineConfig baseline,
        FloodConfig flood,
        FlashCrowdConfig flashCrowd,
        CostConfig cost,
        ConnectionConfig connections,
        SaturationConfig saturation,
        HysteresisConfig hysteresis,
        long evictAfterMillis) {
    /** The defaults. */
    public static final DetectorConfig DEFAULTS = new DetectorConfig(BaselineConfig.DEFAULTS, FloodConfig.DEFAULTS,
            FlashCrowdConfig.DEFAULTS, CostConfig.DEFAULTS, ConnectionConfig.DEFAULTS, SaturationConfig.DEFAULTS,
            HysteresisConfig.DEFAULTS, 600_000);

    public DetectorConfig {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(flood, "flood");
        Objects.requireNonNull(flashCrowd, "flashCrowd");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(saturation, "saturation");
        Objects.requireNonNull(hysteresis, "hysteresis");
        if (evictAfterMillis <= 0) {
            throw new IllegalArgumentException("evictAfterMillis: %s (expected: > 0)".formatted(evictAfterMillis));
        }
    }

    /** Returns a copy with other baseline settings. */
    public DetectorConfig withBaseline(BaselineConfig b) {
        return new DetectorConfig(b, flood, flashCrowd, cost, connections, saturation, hysteresis, evictAfterMillis);
    }

    /** Returns a copy with other flood thresholds. */
    public DetectorConfig withFlood(FloodConfig f) {
        return new DetectorConfig(baseline, f, flashCrowd, cost, connections, saturation, hysteresis, evictAfterMillis);
    }

    /** Returns a copy with other flash crowd thresholds. */
    public DetectorConfig withFlashCrowd(FlashCrowdConfig f) {
        return new DetectorConfig(baseline, flood, f, cost, connections, saturation, hysteresis, evictAfterMillis);
    }

    /** Returns a copy with other cost attack thresholds. */
    public DetectorConfig withCost(CostConfig c) {
        return new DetectorConfig(baseline, flood, flashCrowd, c, connections, saturation, hysteresis, evictAfterMillis);
    }

    /** Returns a copy with other connection exhaustion thresholds. */
    public DetectorConfig withConnections(ConnectionConfig c) {
        return new DetectorConfig(baseline, flood, flashCrowd, cost, c, saturation, hysteresis, evictAfterMillis);
    }

    /** Returns a copy with other saturation thresholds. */
    public DetectorConfig withSaturation(SaturationConfig s) {
        return new DetectorConfig(baseline, flood, flashCrowd, cost, connections, s, hysteresis, evictAfterMillis);
    }

    /** Returns a copy with other hysteresis. */
    public DetectorConfig withHysteresis(HysteresisConfig h) {
        return new DetectorConfig(baseline, flood, flashCrowd, cost, connections, saturation, h, evictAfterMillis);
    }

    /** Returns a copy with another eviction time. */
    public DetectorConfig withEvictAfterMillis(long millis) {
        return new DetectorConfig(baseline, flood, flashCrowd, cost, connections, saturation, hysteresis, millis);
    }
}
