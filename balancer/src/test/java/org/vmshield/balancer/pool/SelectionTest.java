package org.vmshield.balancer.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.balancer.config.PoolConfig;

class SelectionTest {
    final AtomicLong clock = new AtomicLong(1_000_000_000L);

    Pool pool(String strategy, BackendConfig... backends) {
        return new Pool(new PoolConfig("p", null, strategy, List.of(backends), null, null, null), clock::get,
                RandomSource.seeded(7));
    }

    static BackendConfig b(String id, int weight) {
        return new BackendConfig(id, "127.0.0.1:" + (10000 + id.hashCode() % 1000), weight, "active");
    }

    void sample(Backend backend, long latencyNanos) {
        backend.requestStarted();
        backend.requestFinished(latencyNanos, clock.get());
    }

    Map<String, Integer> picks(Pool p, int n) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.merge(p.pick(null).id(), 1, Integer::sum);
        }
        return m;
    }

    @Test
    void weightedRoundRobinFollowsWeightsExactly() {
        Pool p = pool("round-robin", b("a", 300), b("b", 100));
        Map<String, Integer> m = picks(p, 400);
        assertThat(m.get("a")).isBetween(297, 303);
        assertThat(m.get("b")).isBetween(97, 103);
        // interleaved, not in blocks: any 8 consecutive picks include b
        for (int round = 0; round < 20; round++) {
            assertThat(picks(p, 8)).containsKey("b");
        }
    }

    @Test
    void leastOutstandingPrefersTheLeastLoadedPerWeight() {
        Pool p = pool("least-outstanding", b("a", 100), b("b", 100));
        p.require("a").requestStarted();
        p.require("a").requestStarted();
        assertThat(picks(p, 50)).containsOnlyKeys("b");
        // twice the weight carries twice the load for the same score
        Pool q = pool("least-outstanding", b("a", 200), b("b", 100));
        q.require("a").requestStarted();
        q.require("b").requestStarted();
        assertThat(picks(q, 20)).containsOnlyKeys("a");
    }

    @Test
    void p2cPeakEwmaAvoidsTheSlowBackendAndIsWeightAware() {
        Pool p = pool("p2c-peak-ewma", b("fast1", 100), b("fast2", 100), b("slow", 100));
        sample(p.require("fast1"), 1_000_000);
        sample(p.require("fast2"), 1_000_000);
        sample(p.require("slow"), 200_000_000);
        Map<String, Integer> m = picks(p, 300);
        assertThat(m.getOrDefault("slow", 0)).isZero();
        assertThat(m.get("fast1")).isGreaterThan(50);
        assertThat(m.get("fast2")).isGreaterThan(50);

        Pool w = pool("p2c-peak-ewma", b("heavy", 1000), b("light", 10));
        sample(w.require("heavy"), 5_000_000);
        sample(w.require("light"), 5_000_000);
        assertThat(picks(w, 50)).containsOnlyKeys("heavy");
    }

    @Test
    void peakEwmaJumpsToPeaksAndDecaysWithTime() {
        Pool p = pool("p2c-peak-ewma", b("a", 100));
        Backend a = p.require("a");
        sample(a, 1_000_000);
        sample(a, 100_000_000);
        assertThat(a.latencyEwmaNanos(clock.get())).isEqualTo(100_000_000.0);
        clock.addAndGet(10_000_000_000L); // one time constant later
        assertThat(a.latencyEwmaNanos(clock.get())).isBetween(36_000_000.0, 37_000_000.0);
    }

    @Test
    void theSameSeedReplaysTheSameDecisions() {
        Pool p1 = pool("p2c-peak-ewma", b("a", 100), b("b", 100), b("c", 100));
        Pool p2 = pool("p2c-peak-ewma", b("a", 100), b("b", 100), b("c", 100));
        for (int i = 0; i < 100; i++) {
            assertThat(p1.pick(null).id()).isEqualTo(p2.pick(null).id());
        }
    }

    @Test
    void onlyActiveHealthyBackendsAreSelectedAndPausedOnesAreTheLastResort() {
        Pool p = pool("round-robin", b("a", 100), b("b", 100), b("c", 100), b("d", 100));
        p.setState("a", BackendState.DRAINING);
        p.setState("b", BackendState.MAINTENANCE);
        p.setWeight("c", 0);
        assertThat(picks(p, 20)).containsOnlyKeys("d");
        p.require("d").ejectUntil(clock.get() + 1_000_000_000L);
        p.require("d").setCheckedHealthy(true);
        // d ejected and nothing else active: panic routing still uses d rather than fail
        assertThat(p.pick(null).id()).isEqualTo("d");
        p.setState("d", BackendState.PAUSED);
        assertThat(p.pick(null).id()).isEqualTo("d");
        assertThat(p.pick(p.require("d"))).isNull();
        p.setState("a", BackendState.ACTIVE);
        assertThat(p.pick(null).id()).isEqualTo("a");
        clock.addAndGet(2_000_000_000L);
        p.setState("d", BackendState.ACTIVE);
        assertThat(picks(p, 20)).containsOnlyKeys("a", "d");
    }

    @Test
    void badInputIsRefusedWithWhatWasExpected() {
        Pool p = pool("round-robin", b("a", 100));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.setWeight("a", -1))
                .hasMessage("weight: -1 (expected: 0..10000)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.setWeight("zz", 1))
                .hasMessageContaining("backend: zz (expected: the id of a backend of pool p)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackendState.parse("state", "sleeping"))
                .hasMessage("state: sleeping (expected: one of active, draining, paused, maintenance)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackendAddress.parse("address", "nohostport"))
                .hasMessage("address: nohostport (expected: host:port)");
        assertThat(p.require("a").weight()).isEqualTo(100);
    }
}
