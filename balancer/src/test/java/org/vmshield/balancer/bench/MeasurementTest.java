package org.vmshield.balancer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {
    private static Measurement m(double rps, double p99Ms, long requests, long non2xx, double proxy, double foreign) {
        return m(rps, p99Ms, requests, non2xx, proxy, foreign, 0);
    }

    private static Measurement m(double rps, double p99Ms, long requests, long non2xx, double proxy, double foreign,
            double clientForeign) {
        // A third of the proxy's CPU in user mode, the rest in the kernel, as on loopback.
        return new Measurement(new WrkResult(rps, p99Ms, requests, non2xx, 1),
                new CpuShares(proxy / 3, proxy * 2 / 3, foreign, 0.9, clientForeign), 1);
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
        assertThat(med.cpu().proxyShare()).isCloseTo(0.97, within(1e-9));
        assertThat(med.cpu().proxySystemShare()).isCloseTo(0.97 * 2 / 3, within(1e-9));
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
    void flagsAClientCoreOthersUsed() {
        Measurement quiet = m(50_000, 1, 400_000, 0, 1, 0.01, 0.05);
        Measurement busyClient = m(30_000, 9, 240_000, 0, 0.7, 0.01, 0.40);

        assertThat(quiet.disturbed(0.10)).isFalse();
        assertThat(busyClient.disturbed(0.10)).isTrue();
    }

    @Test
    void givesTheProxysCpuTimePerRequest() {
        Measurement x = m(50_000, 1, 400_000, 0, 0.9, 0, 0); // 0.3 user and 0.6 system of a core

        assertThat(x.userMicrosPerRequest()).isCloseTo(6.0, within(1e-9));
        assertThat(x.systemMicrosPerRequest()).isCloseTo(12.0, within(1e-9));
        assertThat(m(0, 0, 0, 0, 0.9, 0, 0).systemMicrosPerRequest()).isZero();
    }

    @Test
    void rejectsNoRounds() {
        assertThatThrownBy(() -> Measurement.median(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: at least one");
    }
}
