package org.vmshield.load.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
    @Test
    void poissonArrivalsHaveTheRateAndExponentialGaps() {
        PoissonArrivals p = new PoissonArrivals(200, 10, new Random(3));
        int n = 20_000;
        long last = 0;
        double sum = 0;
        double sumSq = 0;
        int[] perSource = new int[10];
        for (int i = 0; i < n; i++) {
            Arrival a = p.next();
            double gapMs = (a.offsetNanos() - last) / 1e6;
            assertThat(a.offsetNanos()).isGreaterThanOrEqualTo(last);
            last = a.offsetNanos();
            sum += gapMs;
            sumSq += gapMs * gapMs;
            perSource[a.source()]++;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertThat(mean).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.15)); // 1/200 s
        assertThat(sd).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.25)); // exponential: sd == mean
        for (int c : perSource) {
            assertThat(c).isBetween(1_800, 2_200); // uniform over sources
        }
        // rate over the whole span
        assertThat(n / (last / 1e9)).isBetween(194.0, 206.0);
    }

    @Test
    void poissonArrivalsAreReproducibleFromTheSeed() {
        PoissonArrivals a = new PoissonArrivals(50, 5, new Random(11));
        PoissonArrivals b = new PoissonArrivals(50, 5, new Random(11));
        for (int i = 0; i < 100; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void pacedArrivalsGiveEachSourceExactlyItsShare() {
        PacedArrivals p = new PacedArrivals(100, 4); // each source every 40 ms
        Map<Integer, Long> last = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            Arrival a = p.next();
            assertThat(a.offsetNanos()).isEqualTo(i * 10_000_000L);
            Long prev = last.put(a.source(), a.offsetNanos());
            if (prev != null) {
                assertThat(a.offsetNanos() - prev).isEqualTo(40_000_000L);
            }
        }
    }

    @Test
    void badRatesAreRefused() {
        assertThatThrownBy(() -> new PoissonArrivals(0, 1, new Random())).hasMessageContaining("rateRps: 0.0 (expected: > 0)");
        assertThatThrownBy(() -> new PacedArrivals(10, 0)).hasMessageContaining("sources: 0 (expected: > 0)");
    }

    @Test
    void pulsingGateIsOnThenOff() {
        TimeGate g = TimeGate.pulsing(400, 600);
        long ms = 1_000_000L;
        assertThat(g.isOn(0)).isTrue();
        assertThat(g.isOn(399 * ms)).isTrue();
        assertThat(g.isOn(400 * ms)).isFalse();
        assertThat(g.isOn(999 * ms)).isFalse();
        assertThat(g.isOn(1_000 * ms)).isTrue();
        assertThat(g.and(TimeGate.pulsing(200, 200)).isOn(300 * ms)).isFalse();
    }

    @Test
    void hoppingSelectorCyclesThroughTheServices() {
        ServiceSelector s = ServiceSelector.hopping(List.of("b", "a", "c"), 500);
        long ms = 1_000_000L;
        assertThat(List.of(s.serviceAt(0), s.serviceAt(499 * ms), s.serviceAt(500 * ms), s.serviceAt(1_000 * ms),
                s.serviceAt(1_500 * ms))).containsExactly("b", "b", "a", "c", "b");
    }
}
