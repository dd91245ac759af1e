package org.vmshield.balancer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuMeterTest {
    private static final long SECOND_NANOS = 1_000_000_000L;

    @Test
    void splitsTheProxyCoreBetweenTheProxyAndOthers() {
        // 2 s: the proxy core was busy 190 ticks of 200, 150 of them the proxy's; the client core 180.
        CpuMeter.Sample a = new CpuMeter.Sample(0, 1_000, 5_000, 300);
        CpuMeter.Sample b = new CpuMeter.Sample(2 * SECOND_NANOS, 1_190, 5_180, 450);

        CpuShares s = CpuMeter.between(a, b);

        assertThat(s.proxyShare()).isCloseTo(0.75, within(1e-9));
        assertThat(s.foreignShare()).isCloseTo(0.20, within(1e-9));
        assertThat(s.clientCoreShare()).isCloseTo(0.90, within(1e-9));
    }

    @Test
    void keepsSharesWithinOneCore() {
        // Process ticks can run ahead of the core's (interrupt time is counted for the process only).
        CpuMeter.Sample a = new CpuMeter.Sample(0, 0, 0, 0);
        CpuMeter.Sample b = new CpuMeter.Sample(SECOND_NANOS, 95, 120, 101);

        CpuShares s = CpuMeter.between(a, b);

        assertThat(s.proxyShare()).isEqualTo(1.0);
        assertThat(s.foreignShare()).isEqualTo(0.0);
        assertThat(s.clientCoreShare()).isEqualTo(1.0);
    }

    @Test
    void samplesThisProcessFromProc() throws Exception {
        CpuMeter.Sample a = CpuMeter.sample(0, 0, ProcessHandle.current());
        long spin = System.nanoTime() + 300_000_000L;
        double x = 0;
        while (System.nanoTime() < spin) {
            x += Math.sqrt(x + 1); // burn CPU so that this process's ticks grow
        }
        CpuMeter.Sample b = CpuMeter.sample(0, 0, ProcessHandle.current());

        assertThat(x).isPositive();
        assertThat(b.proxyTicks()).isGreaterThan(a.proxyTicks());
        assertThat(b.proxyCoreBusyTicks()).isGreaterThanOrEqualTo(a.proxyCoreBusyTicks());
        assertThat(b.nanos()).isGreaterThan(a.nanos());
    }
}
