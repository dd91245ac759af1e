package org.vmshield.balancer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmshield.balancer.guard.ratelimit.SourceKeys;

class HyperLogLogTest {
    @Test
    void estimatesDistinctCountsWithinAFewPercent() {
        for (int n : new int[] {100, 5_000, 100_000, 1_000_000}) {
            HyperLogLog h = new HyperLogLog(12);
            for (int i = 0; i < n; i++) {
                long hash = SourceKeys.hash(SourceKeys.ofV4(0x0A000000 + i), 42);
                h.add(hash);
                h.add(hash); // duplicates do not count
            }
            assertThat((double) h.estimate()).as("n=%d", n).isCloseTo(n, org.assertj.core.data.Percentage.withPercentage(5));
        }
    }

    @Test
    void clearsToZero() {
        HyperLogLog h = new HyperLogLog(10);
        h.add(12345);
        h.clear();
        assertThat(h.estimate()).isZero();
    }
}
