package org.vmshield.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void linearAxisEndsOnANiceStepAboveTheData() {
        Axis axis = Axis.linear(95, 6);  // 95 / 6 = 15.8: step 20, 95 * 1.04 rounds up to 100

        assertThat(axis.max()).isEqualTo(100);
        assertThat(axis.ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
        assertThat(axis.fraction(50)).isEqualTo(0.5);
    }

    @Test
    void linearAxisOfNothingStillHasARange() {
        assertThat(Axis.linear(0, 6).max()).isPositive();
        assertThat(Axis.linear(Double.NaN, 6).max()).isPositive();
    }

    @Test
    void logAxisCoversWholeDecadesWithTicksAt125() {
        Axis axis = Axis.logarithmic(3.2, 3146);

        assertThat(axis.min()).isEqualTo(1);
        assertThat(axis.max()).isEqualTo(10_000);
        assertThat(axis.ticks()).startsWith(1.0, 2.0, 5.0, 10.0).endsWith(5_000.0, 10_000.0);
        assertThat(axis.fraction(100)).isCloseTo(0.5, within(1e-12));
        assertThat(axis.fraction(0)).isNaN();
        assertThat(axis.fraction(0.5)).isZero();  // below the axis: drawn on its floor
    }

    @Test
    void labelsWholeAndFractionalTicks() {
        assertThat(Axis.label(10_000)).isEqualTo("10,000");
        assertThat(Axis.label(2.5)).isEqualTo("2.5");
        assertThat(Axis.label(0.2)).isEqualTo("0.2");
    }
}
