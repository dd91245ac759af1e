package org.vmshield.balancer.guard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SourceTablesConcurrencyTest {
    private static void inThreads(int threads, Runnable body) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.run();
            });
            th.start();
            all.add(th);
        }
        go.countDown();
        for (Thread th : all) {
            th.join(30_000);
        }
    }

    @Test
    void concurrentThreadsNeverGetMoreThanTheBurstFromOneBucket() throws Exception {
        SourceRateTable t = new SourceRateTable(1000, 1, 1000, 5);
        AtomicInteger allowed = new AtomicInteger();
        long key = SourceKeys.ofV4(0x7F000001);
        inThreads(4, () -> {
            for (int i = 0; i < 50_000; i++) {
                if (t.tryAcquire(key, 0)) {
                    allowed.incrementAndGet();
                }
            }
        });
        // At most one extra per racing thread, when they create the source's entry at once.
        assertThat(allowed.get()).isBetween(1000, 1003);
    }

    @Test
    void concurrentOpensAndClosesBalanceOut() throws Exception {
        SourceCountTable t = new SourceCountTable(64, 5);
        AtomicInteger refusedWhileUnderCap = new AtomicInteger();
        inThreads(4, () -> {
            for (int i = 0; i < 20_000; i++) {
                long key = SourceKeys.ofV4(0x7F000000 + (i % 50));
                if (t.tryIncrement(key, 1_000_000)) {
                    t.decrement(key);
                } else {
                    refusedWhileUnderCap.incrementAndGet();
                }
            }
        });
        for (int i = 0; i < 50; i++) {
            assertThat(t.count(SourceKeys.ofV4(0x7F000000 + i))).isZero();
        }
        assertThat(refusedWhileUnderCap.get()).isZero();
    }
}
