package org.vmshield.report.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.ServiceSecond;

class PhaseAggregatorTest {
    private static final TimeWindow ALL = new TimeWindow(0, 100_000);

    @Test
    void countsCompletedRequestsAndTheirSuccessRate() {
        List<ServiceSecond> samples = List.of(
                new ServiceSecond(0, 100, 98, 2, 4, 10),
                new ServiceSecond(1, 100, 50, 30, 40, 900),  // 20 still in flight: not counted
                ServiceSecond.idle(2, 100));

        PhaseStats stats = PhaseAggregator.aggregate(samples, ALL);

        assertThat(stats.requests()).isEqualTo(180);
        assertThat(stats.successRate()).isCloseTo(148.0 / 180, within(1e-12));
        assertThat(stats.estimated()).isTrue();
    }

    @Test
    void givesBackTheFiguresOfASingleSecond() {
        PhaseStats stats = PhaseAggregator.aggregate(List.of(new ServiceSecond(0, 10, 10, 0, 7.5, 31)), ALL);

        assertThat(stats.p50Ms()).isCloseTo(7.5, within(1e-9));
        assertThat(stats.p99Ms()).isCloseTo(31, within(1e-9));
    }

    @Test
    void mixesSecondsInProportionToTheirRequests() {
        // 900 fast requests (p50 10, p99 20) and 100 slow ones (p50 1000, p99 2000).
        List<ServiceSecond> samples = List.of(
                new ServiceSecond(0, 900, 900, 0, 10, 20),
                new ServiceSecond(1, 100, 100, 0, 1000, 2000));

        PhaseStats stats = PhaseAggregator.aggregate(samples, ALL);

        // p99 solves 0.9 + 0.1 (0.5 + 0.49 (x - 1000) / 1000) = 0.99: x = 1000 + 1000 * 0.4 / 0.49.
        assertThat(stats.p99Ms()).isCloseTo(1000 + 1000 * 0.4 / 0.49, within(1e-6));
        // p50 solves 0.9 (0.5 + 0.49 (x - 10) / 10) + 0.1 (0.5 x / 1000) = 0.5: x = 0.491 / 0.04415.
        assertThat(stats.p50Ms()).isCloseTo(0.491 / 0.04415, within(1e-6));
    }

    @Test
    void isEmptyWithoutCompletedRequests() {
        assertThat(PhaseAggregator.aggregate(List.of(ServiceSecond.idle(0, 5)), ALL)).isEqualTo(PhaseStats.EMPTY);
        assertThat(PhaseAggregator.aggregate(List.of(), ALL)).isEqualTo(PhaseStats.EMPTY);
    }

    @Test
    void ignoresSecondsOutsideTheWindow() {
        List<ServiceSecond> samples = List.of(
                new ServiceSecond(0, 10, 10, 0, 1, 2),
                new ServiceSecond(1, 10, 0, 10, 500, 900));

        PhaseStats stats = PhaseAggregator.aggregate(samples, new TimeWindow(0, 1_000));

        assertThat(stats.requests()).isEqualTo(10);
        assertThat(stats.successRate()).isEqualTo(1.0);
        assertThat(stats.p99Ms()).isCloseTo(2, within(1e-9));
    }
}
