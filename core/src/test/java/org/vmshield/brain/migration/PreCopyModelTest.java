package org.vmshield.brain.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vmshield.brain.model.MigrationOptions;

class PreCopyModelTest {
    private final PreCopyModel model = new PreCopyModel(PreCopyParams.DEFAULTS);

    @Test
    void halvesTheRemainderEachRoundUntilItFitsTheDowntimeLimit() {
        // M=1024, B=100, D=50: lambda 0.5; stop when remainder <= 100 MiB/s x 0.3 s = 30 MiB.
        // Remainders after rounds 1..6: 512, 256, 128, 64, 32, 16 -> n = 6.
        // Sent = 1024 (1 - 0.5^7) / 0.5 = 2032 MiB; time 20.32 s; downtime 16/100 s = 160 ms.
        MigrationPrediction p = model.preCopy(1024, 100, 50);
        assertThat(p.mode()).isEqualTo(MigrationMode.PRE_COPY);
        assertThat(p.rounds()).isEqualTo(6);
        assertThat(p.totalSentMiB()).isCloseTo(2032, within(1e-6));
        assertThat(p.totalMillis()).isCloseTo(20_320, within(1e-6));
        assertThat(p.downtimeMillis()).isCloseTo(160, within(1e-6));
    }

    @Test
    void idleGuestNeedsOnePassAndNoDowntime() {
        MigrationPrediction p = model.preCopy(256, 128, 0);
        assertThat(p.rounds()).isEqualTo(1);
        assertThat(p.totalSentMiB()).isEqualTo(256);
        assertThat(p.totalMillis()).isCloseTo(2000, within(1e-9));
        assertThat(p.downtimeMillis()).isZero();
    }

    @Test
    void neverConvergesWhenTheDirtyRateReachesTheBandwidth() {
        assertThat(model.preCopy(1024, 100, 100).converges()).isFalse();
        assertThat(model.preCopy(1024, 100, 150).mode()).isEqualTo(MigrationMode.NOT_CONVERGING);
        assertThat(model.predict(1024, 100, 150, MigrationOptions.PRE_COPY_ONLY).converges()).isFalse();
    }

    @Test
    void autoConvergeThrottlesTheGuestUntilTheRemainderFits() {
        // M=100, B=100, D=200, stop at 30 MiB. Round 1 sends 100 in 1 s; remainder min(100, 200) = 100.
        // Throttles .2,.3,.4,.5 keep the remainder at 100 (160,140,120,100 capped at M): sent 500 after round 5.
        // .6: 200*.4*1 s = 80 (sent 600); .7: 200*.3*.8 s = 48 (sent 680); .8: 200*.2*.48 s = 19.2 (sent 728).
        // Stop-and-copy 19.2 MiB: total 747.2 MiB, 7472 ms, downtime 192 ms, 8 rounds.
        MigrationPrediction p = model.autoConverge(100, 100, 200);
        assertThat(p.mode()).isEqualTo(MigrationMode.AUTO_CONVERGE);
        assertThat(p.rounds()).isEqualTo(8);
        assertThat(p.maxThrottle()).isCloseTo(0.8, within(1e-9));
        assertThat(p.totalSentMiB()).isCloseTo(747.2, within(1e-6));
        assertThat(p.totalMillis()).isCloseTo(7472, within(1e-6));
        assertThat(p.downtimeMillis()).isCloseTo(192, within(1e-6));
        assertThat(model.predict(100, 100, 200, new MigrationOptions(true, false))).isEqualTo(p);
    }

    @Test
    void postCopyPullsWhatTheFirstPassLeftDirty() {
        // One pass of 100 MiB in 1 s; 200 MiB dirtied, capped at M = 100; sent 200 MiB in 2 s + 20 ms switch.
        MigrationPrediction p = model.predict(100, 100, 200, new MigrationOptions(false, true));
        assertThat(p.mode()).isEqualTo(MigrationMode.POST_COPY);
        assertThat(p.totalSentMiB()).isCloseTo(200, within(1e-9));
        assertThat(p.totalMillis()).isCloseTo(2020, within(1e-9));
        assertThat(p.downtimeMillis()).isEqualTo(20);
    }

    @Test
    void countsAMigrationPastTheCompletionTimeoutAsNotConverging() {
        // 1 GiB at 1 MiB/s takes 1024 s > 150 s/GiB.
        assertThat(model.preCopy(1024, 1, 0).converges()).isFalse();
    }

    @Test
    void rejectsNonsenseInputsWithAClearMessage() {
        assertThatThrownBy(() -> model.preCopy(0, 100, 1)).hasMessageContaining("memoryMiB: 0.0 (expected: > 0)");
        assertThatThrownBy(() -> model.preCopy(10, -1, 1)).hasMessageContaining("bandwidthMiBPerSec");
        assertThatThrownBy(() -> model.preCopy(10, 10, Double.NaN)).hasMessageContaining("dirtyRateMiBPerSec");
        assertThatThrownBy(() -> PreCopyParams.DEFAULTS.withDowntimeLimitMillis(0)).hasMessageContaining("downtimeLimitMillis");
    }
}
