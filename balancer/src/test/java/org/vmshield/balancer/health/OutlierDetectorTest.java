package org.vmshield.balancer.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.balancer.config.OutlierConfig;
import org.vmshield.balancer.config.PoolConfig;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.Pool;
import org.vmshield.balancer.pool.RandomSource;

class OutlierDetectorTest {
    final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(100));

    Pool pool(int backends, OutlierConfig config) {
        List<BackendConfig> list = new java.util.ArrayList<>();
        for (int i = 0; i < backends; i++) {
            list.add(new BackendConfig("b" + i, "127.0.0.1:" + (1000 + i), 100, "active"));
        }
        return new Pool(new PoolConfig("p", null, "round-robin", list, null, config, null), clock::get, RandomSource.seeded(1));
    }

    void fail(Pool p, Backend b, int times) {
        for (int i = 0; i < times; i++) {
            p.outliers().onFailure(b);
        }
    }

    long ejectedForMillis(Backend b) {
        return TimeUnit.NANOSECONDS.toMillis(b.ejectedUntilNanos() - clock.get());
    }

    @Test
    void ejectionTimeGrowsWithRepeatsUpToTheCapAndStartsOverAfterACleanPeriod() {
        Pool p = pool(4, new OutlierConfig(3, 1000L, 2500L, 50));
        Backend b = p.require("b0");
        fail(p, b, 2);
        p.outliers().onSuccess(b); // a success breaks the streak
        fail(p, b, 2);
        assertThat(b.ejected(clock.get())).isFalse();
        fail(p, b, 1);
        assertThat(ejectedForMillis(b)).isEqualTo(1000);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1001));
        assertThat(b.ejected(clock.get())).isFalse(); // back by itself
        fail(p, b, 3);
        assertThat(ejectedForMillis(b)).isEqualTo(2000);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(2001));
        fail(p, b, 3);
        assertThat(ejectedForMillis(b)).isEqualTo(2500); // capped
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(2501 + 2501)); // clean for longer than the cap
        fail(p, b, 3);
        assertThat(ejectedForMillis(b)).isEqualTo(1000);
    }

    @Test
    void neverEjectsMoreThanTheCapOfThePool() {
        Pool p = pool(4, new OutlierConfig(1, 1000L, 5000L, 50));
        for (Backend b : p.backends()) {
            fail(p, b, 1);
        }
        long ejected = java.util.Arrays.stream(p.backends()).filter(b -> b.ejected(clock.get())).count();
        assertThat(ejected).isEqualTo(2);
        Pool single = pool(1, new OutlierConfig(1, 1000L, 5000L, 50));
        fail(single, single.require("b0"), 10);
        assertThat(single.require("b0").ejected(clock.get())).isFalse(); // one backend is never half a pool
    }
}
