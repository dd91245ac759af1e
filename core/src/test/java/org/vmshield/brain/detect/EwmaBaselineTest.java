package org.vmshield.brain.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EwmaBaselineTest {
    private static final int WARM = 10;

    @Test
    void averagesPlainlyDuringWarmUpThenWeighsByAlpha() {
        EwmaBaseline b = new EwmaBaseline();
        for (int i = 0; i < WARM; i++) {
            b.update(i % 2 == 0 ? 8 : 12, 0.05, WARM);
        }
        assertThat(b.mean()).isCloseTo(10, within(1e-9));
        assertThat(b.stdDev()).isBetween(1.5, 2.5);
        b.update(30, 0.05, WARM);
        assertThat(b.mean()).isCloseTo(11, within(1e-9));
    }

    @Test
    void aLevelShiftMovesTheMeanWithoutWideningTheSpread() {
        EwmaBaseline noise = warmAtTen();
        EwmaBaseline level = warmAtTen();
        double spread = level.stdDev();
        for (int i = 0; i < 10; i++) { // a crowd at 50 learned slowly, as the detector does
            noise.update(50, 0.005, WARM);
            level.updateLevel(50, 0.005, WARM);
        }
        assertThat(level.mean()).isCloseTo(noise.mean(), within(1e-9)).isBetween(11.5, 12.5);
        assertThat(level.stdDev()).isEqualTo(spread);
        assertThat(noise.stdDev()).as("learned as noise, the shift widens the spread fast").isGreaterThan(3 * spread);
        assertThat(level.threshold(3, 6, 20)).isLessThan(noise.threshold(3, 6, 20));
    }

    @Test
    void ignoresValuesThatAreNotFinite() {
        EwmaBaseline b = warmAtTen();
        double mean = b.mean();
        b.update(Double.NaN, 0.5, WARM);
        b.updateLevel(Double.POSITIVE_INFINITY, 0.5, WARM);
        assertThat(b.mean()).isEqualTo(mean);
    }

    private static EwmaBaseline warmAtTen() {
        EwmaBaseline b = new EwmaBaseline();
        for (int i = 0; i < 40; i++) {
            b.update(i % 2 == 0 ? 9 : 11, 0.05, WARM);
        }
        return b;
    }
}
