package org.vmshield.balancer.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.balancer.config.PoolConfig;
import org.vmshield.balancer.pool.Pool;
import org.vmshield.balancer.pool.RandomSource;
import org.vmshield.model.telemetry.BackendStats;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.TrafficSnapshot;

class SnapshotAssemblerTest {
    final AtomicLong clock = new AtomicLong(5_000_000_000L);

    @Test
    void rollsCountersIntoPerSecondFiguresAndStartsANewInterval() {
        Pool pool = new Pool(new PoolConfig("web", "shop", "round-robin", List.of(
                new BackendConfig("b1", "127.0.0.1:1", 100, "active"),
                new BackendConfig("b2", "127.0.0.1:2", 50, "draining")), null, null, null), clock::get, RandomSource.seeded(1));
        SnapshotAssembler assembler = new SnapshotAssembler(clock::get);
        for (int i = 1; i <= 10; i++) {
            pool.require("b1").counters().response(200, i * 1_000_000L);
        }
        for (int i = 0; i < 5; i++) {
            pool.require("b2").counters().response(503, 50_000_000L);
        }
        pool.require("b2").counters().error();
        pool.counters().response(429, -1);
        pool.counters().response(429, -1);
        for (int i = 0; i < 3; i++) {
            pool.counters().connectionOpened();
        }
        pool.counters().bytesIn(1000);
        pool.counters().requestStarted();
        clock.addAndGet(2_000_000_000L);

        TrafficSnapshot s = assembler.roll(123L, List.of(new SnapshotAssembler.PoolEntry(pool, PoolTelemetry.NONE)));
        assertThat(s.atMillis()).isEqualTo(123L);
        assertThat(s.intervalMillis()).isEqualTo(2000L);
        PoolStats p = s.pool("web").orElseThrow();
        assertThat(p.service()).isEqualTo("shop");
        assertThat(p.traffic().statuses().s2xx()).isEqualTo(10);
        assertThat(p.traffic().statuses().s4xx()).isEqualTo(2);
        assertThat(p.traffic().statuses().s5xx()).isEqualTo(5);
        assertThat(p.traffic().statuses().errors()).isEqualTo(1);
        assertThat(p.traffic().requestsPerSec()).isCloseTo(18 / 2.0, within(1e-9));
        assertThat(p.traffic().latency().count()).isEqualTo(15);
        assertThat(p.traffic().latency().p50()).isCloseTo(8.0, within(0.1));
        assertThat(p.traffic().latency().max()).isCloseTo(50.0, within(0.5));
        assertThat(p.traffic().newConnectionsPerSec()).isCloseTo(1.5, within(1e-9));
        assertThat(p.traffic().connectionsOpen()).isEqualTo(3);
        assertThat(p.traffic().inFlight()).isEqualTo(1);
        assertThat(p.traffic().bytesInPerSec()).isCloseTo(500.0, within(1e-9));
        BackendStats b1 = p.backends().get(0);
        assertThat(b1.backendId()).isEqualTo("b1");
        assertThat(b1.traffic().requestsPerSec()).isCloseTo(5.0, within(1e-9));
        assertThat(b1.traffic().latency().p90()).isCloseTo(9.0, within(0.1));
        assertThat(p.backends().get(1).state()).isEqualTo("draining");
        assertThat(p.backends().get(1).weight()).isEqualTo(50);

        clock.addAndGet(1_000_000_000L);
        PoolStats quiet = assembler.roll(124L, List.of(new SnapshotAssembler.PoolEntry(pool, PoolTelemetry.NONE)))
                .pool("web").orElseThrow();
        assertThat(quiet.traffic().requestsPerSec()).isZero();
        assertThat(quiet.traffic().latency().count()).isZero();
        assertThat(quiet.traffic().connectionsOpen()).isEqualTo(3); // a gauge, not a count
    }
}
