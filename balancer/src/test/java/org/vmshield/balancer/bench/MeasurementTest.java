package org.vmshield.balancer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {
    private static Measurement m(double rps, double p99Ms, long requests, long non2xx, double proxy, double foreign) {
        return new Measurement(new WrkResult(rps, p99Ms, requests, non2xx, 1), new CpuShares(proxy, foreign, 0.9), 1);
    }

    @Test
    void takesTheMedianOfEachFigureAndSumsTheCounts() {
        Measurement med = Measurement.median(List.of(
                m(50_000, 9.0, 400_000, 0, 0.99, 0.01),
                m(10_000, 1.0, 80_000, 5, 0.40, 0.55),
                m(60_000, 2.0, 480_000, 0, 0.97, 0.02)));

        assertThat(med.wrk().rps()).isEqualTo(50_000);
        assertThat(med.wrk().p99Ms()).isEqualTo(2.0); // median of p99s, not the p99 of the median-rps round
        assertThat(med.wrk().requests()).isEqualTo(960_000);
        assertThat(med.wrk().non2xx()).isEqualTo(5);
        assertThat(med.wrk().socketErrors()).isEqualTo(3);
        assertThat(med.cpu().proxyShare()).isEqualTo(0.97);
        assertThat(med.cpu().foreignShare()).isEqualTo(0.02);
        assertThat(med.rounds()).isEqualTo(3);
        assertThat(med.disturbed(0.10)).isFalse();
    }

    @Test
    void averagesTheMiddleTwoOfAnEvenCount() {
        Measurement med = Measurement.median(List.of(m(40_000, 1, 1, 0, 1, 0.3), m(60_000, 3, 1, 0, 1, 0.1)));

        assertThat(med.wrk().rps()).isEqualTo(50_000);
        assertThat(med.wrk().p99Ms()).isEqualTo(2);
        assertThat(med.cpu().foreignShare()).isCloseTo(0.2, within(1e-9));
        assertThat(med.disturbed(0.10)).isTrue();
    }

    @Test
    void rejectsNoRounds() {
        assertThatThrownBy(() -> Measurement.median(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: at least one");
    }
}
