package org.vmshield.balancer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vmshield.model.telemetry.SourceStat;
import org.vmshield.model.telemetry.SourceStats;

class SourceTelemetryTest {
    private final SourceTelemetry telemetry = new SourceTelemetry(5, 1024, 4096, 1 << 20, 60_000, 3);

    private static InetAddress v4(int a) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void findsHeavyHittersAmongManyLightSources() {
        Random rnd = new Random(1);
        InetAddress[] heavy = {v4(0x7F420001), v4(0x7F420002), v4(0x7F420003)};
        int[] heavyRequests = {30_000, 20_000, 10_000};
        // 50k light sources sending 1-3 requests each, interleaved with the heavy ones.
        for (int i = 0; i < 50_000; i++) {
            InetAddress light = v4(0x0A000000 + i);
            for (int k = rnd.nextInt(3); k >= 0; k--) {
                telemetry.onRequest(light);
            }
            for (int h = 0; h < heavy.length; h++) {
                long due = (i + 1L) * heavyRequests[h] / 50_000 - (long) i * heavyRequests[h] / 50_000;
                for (long k = 0; k < due; k++) {
                    telemetry.onRequest(heavy[h]);
                }
            }
        }
        for (int i = 0; i < 500; i++) {
            telemetry.onRefused(heavy[0]);
        }
        SourceStats s = telemetry.snapshot(10_000);
        assertThat(s.topByRequests()).hasSize(5);
        assertThat(s.topByRequests().subList(0, 3)).extracting(SourceStat::address)
                .containsExactly("127.66.0.1", "127.66.0.2", "127.66.0.3");
        // Certain counts: at most the truth, and close to it.
        SourceStat top = s.topByRequests().get(0);
        assertThat(top.requestsPerSec()).isBetween(2_700.0, 3_000.0);
        assertThat(top.refusedPerSec()).isCloseTo(50, within(0.01));
        assertThat(s.distinctSources()).isBetween(48_000L, 52_000L);
        // The next interval starts empty.
        assertThat(telemetry.snapshot(1000).topByRequests()).isEmpty();
    }

    @Test
    void reportsOpenAndIdleConnectionsPerSource() {
        InetAddress loris = v4(0x7F420009);
        for (int i = 0; i < 40; i++) {
            telemetry.onConnectionOpen(loris);
            telemetry.onConnectionIdle(loris, true);
        }
        telemetry.onConnectionIdle(loris, false);
        telemetry.onConnectionClose(loris, true);
        for (int i = 0; i < 100; i++) {
            InetAddress other = v4(0x0A000000 + i);
            telemetry.onConnectionOpen(other);
            if (i % 2 == 0) {
                telemetry.onConnectionClose(other);
            }
        }
        SourceStats s = telemetry.snapshot(1000);
        SourceStat top = s.topByConnections().get(0);
        assertThat(top.address()).isEqualTo("127.66.0.9");
        assertThat(top.openConnections()).isEqualTo(39);
        assertThat(top.idleConnections()).isEqualTo(38);
        assertThat(s.topByConnections().get(1).openConnections()).isEqualTo(1);
        // Open connections are a state, not a rate: still there in the next interval.
        assertThat(telemetry.snapshot(1000).topByConnections().get(0).openConnections()).isEqualTo(39);
        assertThat(telemetry.untrackedOpenConnections()).isZero();
    }

    @Test
    void countsNewSourcesOnlyTheFirstTime() {
        for (int i = 0; i < 2000; i++) {
            telemetry.onConnectionOpen(v4(0x0A000000 + i));
        }
        SourceStats first = telemetry.snapshot(2000);
        assertThat(first.newSourcesPerSec()).isBetween(980.0, 1000.0);
        for (int i = 0; i < 2000; i++) {
            telemetry.onConnectionOpen(v4(0x0A000000 + i)); // seen before
        }
        for (int i = 0; i < 100; i++) {
            telemetry.onConnectionOpen(v4(0x0B000000 + i)); // new
        }
        SourceStats second = telemetry.snapshot(1000);
        assertThat(second.newSourcesPerSec()).isBetween(95.0, 100.0);
        assertThat(second.distinctSources()).isBetween(2000L, 2200L);
    }

    @Test
    void countsANewcomerInTheIntervalOfItsFirstConnectionTogetherWithItsFirstRequest() {
        // the first 500 ms of the demo's flash crowd: 20 newcomers, each opening a connection to send
        // its first request, while 5 known clients send one each on connections opened long ago
        for (int i = 0; i < 50; i++) {
            telemetry.onConnectionOpen(v4(0x7F010000 + i));
        }
        telemetry.snapshot(15_000);
        for (int i = 0; i < 20; i++) {
            InetAddress newcomer = v4(0x7F018000 + i);
            telemetry.onConnectionOpen(newcomer);
            telemetry.onRequest(newcomer);
        }
        for (int i = 0; i < 5; i++) {
            telemetry.onRequest(v4(0x7F010000 + i));
        }
        SourceStats first = telemetry.snapshot(500);
        assertThat(first.newSourcesPerSec()).as("20 new in 0.5 s, counted at once").isBetween(38.0, 40.0);
        assertThat(first.distinctSources()).isBetween(24L, 26L);

        for (int i = 0; i < 20; i++) {
            telemetry.onRequest(v4(0x7F018000 + i)); // their next requests, on the same connections
        }
        assertThat(telemetry.snapshot(500).newSourcesPerSec()).as("counted once only").isZero();
    }

    @Test
    void countsTheSourcesOfTheLastHalfMinuteAcrossIntervalsAndForgetsOlderOnes() {
        // 200 clients at one request per 2.5 s: each half-second interval shows 40 of them, the
        // recent window all 200
        SourceStats s = null;
        for (int tick = 0; tick < 10; tick++) {
            for (int i = 0; i < 40; i++) {
                telemetry.onRequest(v4(0x7F420000 + (tick % 5) * 40 + i));
            }
            s = telemetry.snapshot(500);
        }
        assertThat(s.distinctSources()).isBetween(39L, 41L);
        assertThat(s.recentSources()).isBetween(196L, 204L);

        for (int tick = 0; tick < 70; tick++) { // 35 s of one other client only
            telemetry.onRequest(v4(0x7F010001));
            s = telemetry.snapshot(500);
        }
        assertThat(s.recentSources()).as("the 200 left the window").isEqualTo(1L);
    }

    @Test
    void reportsIpv6SourcesByTheirSlash64() throws Exception {
        telemetry.onRequest(InetAddress.getByName("2001:db8:0:7::1"));
        telemetry.onRequest(InetAddress.getByName("2001:db8:0:7::2"));
        SourceStats s = telemetry.snapshot(1000);
        assertThat(s.topByRequests()).singleElement().satisfies(st -> {
            assertThat(st.address()).isEqualTo("2001:db8:0:7::/64");
            assertThat(st.requestsPerSec()).isEqualTo(2.0);
        });
    }

    @Test
    void countsEventsFromSeveralThreadsWhileSnapshotsAreTaken() throws Exception {
        InetAddress heavy = v4(0x7F420001);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread[] writers = new Thread[2];
        for (int t = 0; t < writers.length; t++) {
            writers[t] = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    telemetry.onRequest(heavy);
                }
            });
            writers[t].start();
        }
        double total = 0;
        while (!done.get()) {
            done.set(!writers[0].isAlive() && !writers[1].isAlive());
            SourceStats s = telemetry.snapshot(1000);
            total += s.topByRequests().isEmpty() ? 0 : s.topByRequests().get(0).requestsPerSec();
        }
        // Each snapshot covers 1000 ms, so requestsPerSec is the interval's count.
        assertThat(total).isBetween(199_000.0, 200_000.0);
    }
}
