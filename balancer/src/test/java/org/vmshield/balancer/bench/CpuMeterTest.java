package org.vmshield.balancer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuMeterTest {
    private static final long SECOND_NANOS = 1_000_000_000L;

    @Test
    void splitsEachCoreBetweenItsOwnProcessesAndOthers() {
        // 2 s: the proxy core was busy 190 ticks of 200, 150 of them the proxy's (50 user, 100 system);
        // the client core 180, of which wrk and the backend used 160.
        CpuMeter.Sample a = new CpuMeter.Sample(0, 1_000, 5_000, 100, 200, 7_000);
        CpuMeter.Sample b = new CpuMeter.Sample(2 * SECOND_NANOS, 1_190, 5_180, 150, 300, 7_160);

        CpuShares s = CpuMeter.between(a, b);

        assertThat(s.proxyUserShare()).isCloseTo(0.25, within(1e-9));
        assertThat(s.proxySystemShare()).isCloseTo(0.50, within(1e-9));
        assertThat(s.proxyShare()).isCloseTo(0.75, within(1e-9));
        assertThat(s.foreignShare()).isCloseTo(0.20, within(1e-9));
        assertThat(s.clientCoreShare()).isCloseTo(0.90, within(1e-9));
        assertThat(s.clientForeignShare()).isCloseTo(0.10, within(1e-9));
    }

    @Test
    void keepsSharesWithinOneCore() {
        // Process ticks can run ahead of the core's (interrupt time is counted for the process only).
        CpuMeter.Sample a = new CpuMeter.Sample(0, 0, 0, 0, 0, 0);
        CpuMeter.Sample b = new CpuMeter.Sample(SECOND_NANOS, 95, 120, 30, 71, 130);

        CpuShares s = CpuMeter.between(a, b);

        assertThat(s.proxyShare()).isEqualTo(1.0);
        assertThat(s.foreignShare()).isEqualTo(0.0);
        assertThat(s.clientCoreShare()).isEqualTo(1.0);
        assertThat(s.clientForeignShare()).isEqualTo(0.0);
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
        assertThat(b.proxyUserTicks()).isGreaterThan(a.proxyUserTicks());
        assertThat(b.proxyTicks()).isEqualTo(b.proxyUserTicks() + b.proxySystemTicks());
        assertThat(b.proxyCoreBusyTicks()).isGreaterThanOrEqualTo(a.proxyCoreBusyTicks());
        assertThat(b.nanos()).isGreaterThan(a.nanos());
    }

    @Test
    void countsAChildThisJvmWaitedForOnTheClientSide() throws Exception {
        CpuMeter.Sample a = CpuMeter.sample(0, 0, ProcessHandle.current());
        // A child that burns about 0.3 s of CPU and ends, as a wrk run does.
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done").start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        CpuMeter.Sample b = CpuMeter.sample(0, 0, ProcessHandle.current());

        assertThat(b.clientSideTicks()).isGreaterThan(a.clientSideTicks());
    }
}
