package org.vmshield.balancer.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.GuardRule;
import org.vmshield.balancer.guard.rule.PathDenyRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.PathRateRule;
import org.vmshield.balancer.guard.rule.SourceConnectionLimitRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;

class GuardChainConcurrencyTest {
    private static final long SECOND = 1_000_000_000L;

    private static InetAddress v4(int a) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAttackerFloodingWithOtherSourcesStillGetsRefused() {
        AtomicLong clock = new AtomicLong(5 * SECOND);
        GuardChain chain = new GuardChain(new GuardSettings(64, 12345), clock::get, Runnable::run);
        chain.rules().add(SourceRateRule.of("per-ip", 1, 5));
        InetAddress attacker = v4(0x7F420001);
        int allowed = 0;
        for (int i = 0; i < 50; i++) {
            allowed += chain.onRequest(attacker, "web", "/", clock.get()).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(5);
        // 200k requests from 40k other addresses the attacker controls, spread over 0.9 s; each
        // empties its bucket after the attacker did, so the attacker's entry is the oldest one.
        for (int i = 0; i < 200_000; i++) {
            chain.onRequest(v4(0x7F430000 + i / 5), "web", "/", clock.get() + 1000 + i * 4_500L);
        }
        clock.addAndGet(900_000_000L);
        assertThat(chain.onRequest(attacker, "web", "/", clock.get()).ruleId()).isEqualTo("per-ip");
        // One token back after a full second, as the rate says; not a fresh bucket of 5.
        clock.addAndGet(100_000_000L);
        allowed = 0;
        for (int i = 0; i < 50; i++) {
            allowed += chain.onRequest(attacker, "web", "/", clock.get()).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(1);
    }

    @Test
    void concurrentReadersSeeEitherTheOldOrTheNewRuleSetNeverAMix() throws Exception {
        GuardChain chain = new GuardChain(GuardSettings.of(1000));
        List<GuardRule> setA = List.of(CidrRule.deny("A-cidr", "127.5.0.0/16"));
        List<GuardRule> setB = List.of(PathDenyRule.prefix("B-path", "/p"));
        chain.rules().replaceAll(setA);
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong torn = new AtomicLong();
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread r = new Thread(() -> {
                InetAddress src = v4(0x7F050001);
                started.countDown();
                while (!stop.get()) {
                    Verdict v = chain.onRequest(src, "web", "/p", System.nanoTime());
                    if (v.allowed()) {
                        torn.incrementAndGet();
                    } else {
                        seen.add(v.ruleId());
                    }
                }
            });
            r.start();
            readers.add(r);
        }
        started.await();
        for (int i = 0; i < 2000; i++) {
            chain.rules().replaceAll(i % 2 == 0 ? setB : setA);
        }
        stop.set(true);
        for (Thread r : readers) {
            r.join(10_000);
        }
        assertThat(torn.get()).isZero();
        assertThat(seen).containsExactlyInAnyOrder("A-cidr", "B-path");
    }

    @Test
    void theHotPathAllocatesNothingWithManyRulesAndSources() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong clock = new AtomicLong(0);
        GuardChain chain = new GuardChain(new GuardSettings(100_000, 7), clock::get, Runnable::run);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            blocks.add("10." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".0/24");
        }
        chain.rules().add(new CidrRule("many", "deny", blocks, null, null));
        chain.rules().add(SourceRateRule.of("per-ip", 1000, 50));
        chain.rules().add(SourceConnectionLimitRule.of("conns", 3));
        chain.rules().add(PathDenyRule.prefix("no-admin", "/admin"));
        chain.rules().add(PathRateRule.prefix("search", "/search", 100, 10));
        chain.rules().add(PathInFlightRule.prefix("slow", "/slow", 5));
        InetAddress[] sources = new InetAddress[4096];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = v4(i % 16 == 0 ? 0x0A000000 + i : 0x7F010000 + i);
        }
        String[] paths = {"/", "/admin/x", "/search", "/slow", "/static/a.css"};
        Runnable work = () -> {
            for (int i = 0; i < 200_000; i++) {
                InetAddress s = sources[i & 4095];
                long now = clock.addAndGet(10_000);
                String p = paths[i % paths.length];
                if (chain.onConnectionOpen(s, "web", now).allowed()) {
                    if (chain.onRequest(s, "web", p, now).allowed()) {
                        chain.onRequestDone(s, "web", p);
                    }
                    chain.onConnectionClose(s);
                }
            }
        };
        work.run(); // warm up (JIT, counter cells, per-pool counters)
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        work.run();
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 200k connections + requests").isLessThan(16_384);
        assertThat(chain.counters().totals().get("many").connectionsRefused()).isGreaterThan(0);
        assertThat(chain.counters().totals().get("no-admin").requestsRefused()).isGreaterThan(0);
    }
}
