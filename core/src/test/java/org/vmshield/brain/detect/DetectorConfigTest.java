package org.vmshield.brain.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectorConfigTest {
    @Test
    void refusesNonsenseWithWhatWasExpected() {
        assertThatThrownBy(() -> new BaselineConfig(0, 10, 0.1)).hasMessage("alpha: 0.0 (expected: 0 < alpha <= 1)");
        assertThatThrownBy(() -> new BaselineConfig(0.1, 0, 0.1)).hasMessage("warmupSamples: 0 (expected: >= 1)");
        assertThatThrownBy(() -> new FloodConfig(0.5, 6, 20, 20, 10, 0.5, 5, 20))
                .hasMessage("minRatio: 0.5 (expected: >= 1.0)");
        assertThatThrownBy(() -> new FloodConfig(3, Double.NaN, 20, 20, 10, 0.5, 5, 20))
                .hasMessage("zScore: NaN (expected: >= 0.0)");
        assertThatThrownBy(() -> new FlashCrowdConfig(2, 2, 1.5, 0.2))
                .hasMessage("maxPathMixDistance: 1.5 (expected: 0..1)");
        assertThatThrownBy(() -> new CostConfig(3, 6, -1, 3, 5, 100, 0.25, 3))
                .hasMessage("minIncreaseMillis: -1.0 (expected: >= 0.0)");
        assertThatThrownBy(() -> new ConnectionConfig(0, 8, 0.3, 10, 2))
                .hasMessage("minIdleConnections: 0.0 (expected: >= 1.0)");
        assertThatThrownBy(() -> new SaturationConfig(1.2, 0.1, 0.95, 0.6, 2, 3))
                .hasMessage("vmAtCapFraction: 1.2 (expected: 0..1)");
        assertThatThrownBy(() -> new SaturationConfig(0.9, 0.1, 0.95, 0.5, 2, 3))
                .hasMessage("dominantShareOfHost: 0.5 (expected: > 0.5)");
        assertThatThrownBy(() -> DetectorConfig.DEFAULTS.withEvictAfterMillis(0))
                .hasMessage("evictAfterMillis: 0 (expected: > 0)");
    }

    @Test
    void withersChangeOnlyTheirPart() {
        DetectorConfig c = DetectorConfig.DEFAULTS.withFlood(new FloodConfig(4, 6, 20, 20, 10, 0.5, 5, 20));
        assertThat(c.flood().minRatio()).isEqualTo(4);
        assertThat(c.withFlood(FloodConfig.DEFAULTS)).isEqualTo(DetectorConfig.DEFAULTS);
    }

    @Test
    void aHostIsContendedWhenThrottledOrBusyNearItsCapacity() {
        SaturationConfig sat = SaturationConfig.DEFAULTS;
        assertThat(sat.isHostContended(0.1, 0.2, 1.0)).as("throttled in 10 % of periods").isTrue();
        assertThat(sat.isHostContended(0.0, 0.95, 1.0)).as("busy at 95 %").isTrue();
        assertThat(sat.isHostContended(0.09, 0.94, 1.0)).isFalse();
        assertThat(sat.isHostContended(0.0, 5.0, 0.0)).as("no capacity known: throttling alone decides").isFalse();
    }
}
