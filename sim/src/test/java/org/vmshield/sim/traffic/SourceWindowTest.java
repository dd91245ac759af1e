package org.vmshield.sim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The balancer's recent-source window as the simulator reports it: a steady population, its churn,
 * a flood that starts and one that stops, and the new sources that go with them.
 */
class SourceWindowTest {
    static final long TICK = 500;

    static SourceGroup clients(int count, double rpsEach) {
        return new SourceGroup("10.0", count, rpsEach, true, -1, false, true);
    }

    static SourceGroup bots(int count, double rpsEach) {
        return new SourceGroup("172.0", count, rpsEach, false, 0, false, false);
    }

    /** Runs ticks up to {@code toMillis} with the groups {@code on} says, returning the window after each one. */
    static List<double[]> run(SourceWindow w, long fromMillis, long toMillis, java.util.function.LongFunction<List<SourceGroup>> on) {
        List<double[]> out = new ArrayList<>();
        for (long t = fromMillis; t <= toMillis; t += TICK) {
            w.update(on.apply(t), t);
            out.add(new double[] {t, w.recent(), w.newPerSec()});
        }
        return out;
    }

    @Test
    void windowIsTheBalancersFiveSlicesAndTheCurrentOnesAge() {
        assertThat(SourceWindow.windowMillis(60_000)).isEqualTo(25_000);
        assertThat(SourceWindow.windowMillis(62_500)).isEqualTo(27_500);
        assertThat(SourceWindow.windowMillis(64_500)).isEqualTo(29_500);
        assertThat(SourceWindow.windowMillis(65_000)).isEqualTo(25_000);
    }

    @Test
    void steadyClientsMatchClientsSimulatedOneByOne() {
        for (double rate : new double[] {1.0, 0.1}) {
            SourceWindow w = new SourceWindow();
            ClientByClient real = new ClientByClient(30_000, rate, 7);
            for (long t = TICK; t <= 120_000; t += TICK) {
                w.update(List.of(clients(30_000, rate)), t);
                double seen = real.tick(t);
                if (t < 30_000) {
                    continue; // the clients one by one were not seen before the start; the window's are
                }
                // one by one: Poisson requests, 1 % of the clients replaced each second; the window as the balancer's
                assertThat(w.recent()).as("%s req/s each, at %s ms", rate, t).isCloseTo(seen, within(seen * 0.02));
                assertThat(w.newPerSec()).isCloseTo(300.0, within(1e-9));
            }
        }
    }

    @Test
    void theWindowsLengthShows() {
        SourceWindow w = new SourceWindow();
        w.update(List.of(clients(3000, 1.0)), 64_500);
        double longest = w.recent();
        w.update(List.of(clients(3000, 1.0)), 65_000);
        // 4.5 s more of churn: 30 newcomers per second (the leavers of those 4.5 s had been seen before)
        assertThat(longest - w.recent()).isCloseTo(30 * 4.5, within(5.0));
    }

    @Test
    void slowClientsAreOnlyPartlySeen() {
        SourceWindow w = new SourceWindow();
        // 0.02 req/s each: over 25 s a client sends with probability 1 - e^-0.5 = 39 %
        w.update(List.of(clients(1000, 0.02)), 60_000);
        assertThat(w.recent()).isBetween(1000 * 0.39, 1000 * 0.39 * 1.3);
    }

    @Test
    void churnGrowsWithThePopulation() {
        SourceWindow small = new SourceWindow();
        SourceWindow big = new SourceWindow();
        small.update(List.of(clients(1000, 2.0)), 60_000);
        big.update(List.of(clients(4000, 2.0)), 60_000);
        // 250 came (and 250 left) in 25 s, each there for part of it: nearly all of them seen
        assertThat(small.recent() - 1000).isBetween(0.9 * 250, 250.0);
        assertThat(big.recent() - 4000).isCloseTo(4 * (small.recent() - 1000), within(1e-6));
        assertThat(big.newPerSec()).isEqualTo(4 * small.newPerSec());
    }

    @Test
    void floodThatStartsGrowsToItsSizeAndItsNewSourcesAddUp() {
        SourceWindow w = new SourceWindow();
        // 200 slow bots at 0.4 req/s each from 60 s (the demo's): seen one by one, each as it first sends
        List<double[]> ticks = run(w, TICK, 90_000, t -> t >= 60_000 ? List.of(clients(300, 1.0), bots(200, 0.4))
                : List.of(clients(300, 1.0)));
        double prev = 0;
        double newSum = 0;
        for (double[] x : ticks) {
            if (x[0] < 60_000) {
                continue;
            }
            double bots = x[1] - steady(x[0]);
            assertThat(bots).as("at %s ms", x[0]).isGreaterThanOrEqualTo(prev - 0.05).isLessThanOrEqualTo(200);
            prev = bots;
            newSum += (x[2] - 3.0) * TICK / 1000.0;
            // every bot seen was new once: the new sources add up to the window's growth
            assertThat(newSum).as("at %s ms", x[0]).isCloseTo(bots, within(0.05));
        }
        assertThat(at(ticks, 60_000)[1] - steady(60_000)).as("first tick: 1 - e^-0.2 of them").isCloseTo(200 * 0.18, within(1.0));
        assertThat(at(ticks, 62_000)[1] - steady(62_000)).as("after 2.5 s on: 1 - e^-1").isCloseTo(200 * 0.63, within(1.0));
        assertThat(at(ticks, 80_000)[1] - steady(80_000)).as("after 20 s: all").isGreaterThan(199.9);
        // the bots' requests beyond their first ones, over the bots seen: never above their own rate (within a
        // tick a bot's first request is not a repeat), and their own rate once they have all been seen
        for (double[] x : ticks) {
            if (x[0] >= 60_000) {
                double perBot = (200 * 0.4 - (x[2] - 3.0)) / (x[1] - steady(x[0]));
                assertThat(perBot).as("at %s ms", x[0]).isLessThanOrEqualTo(0.4 * 1.001);
                if (x[0] >= 65_000) {
                    assertThat(perBot).as("at %s ms", x[0]).isGreaterThan(0.9 * 0.4);
                }
            }
        }
    }

    @Test
    void floodThatStopsStaysCountedForAWindowThenDrops() {
        SourceWindow w = new SourceWindow();
        List<double[]> ticks = run(w, TICK, 200_000, t -> t > 60_000 && t <= 120_000
                ? List.of(clients(300, 1.0), bots(2000, 2.0)) : List.of(clients(300, 1.0)));
        assertThat(at(ticks, 120_000)[1] - steady(120_000)).isCloseTo(2000, within(0.01));
        // its last requests stay in the window (25 to 29.5 s long): counted until 145 s, when the window
        // (back to 25 s at a slice boundary) starts after them
        for (long t = 120_500; t <= 144_500; t += TICK) {
            assertThat(at(ticks, t)[1] - steady(t)).as("at %s ms", t).isGreaterThan(1999);
            assertThat(at(ticks, t)[2]).as("no new sources when it stopped").isCloseTo(3.0, within(1e-9));
        }
        assertThat(at(ticks, 145_000)[1] - steady(145_000)).isCloseTo(0, within(1e-9));
        assertThat(at(ticks, 200_000)[1]).isCloseTo(steady(200_000), within(1e-9));
    }

    @Test
    void botsSeenBeforeAreNotNewWhenTheyComeBackButForgottenOnesAre() {
        SourceWindow w = new SourceWindow();
        run(w, TICK, 100_000, t -> t > 60_000 && t <= 70_000 ? List.of(bots(200, 2.0)) : List.of());
        w.update(List.of(bots(200, 2.0)), 100_500);
        assertThat(w.newPerSec()).as("a pulse 30 s later").isLessThan(1e-3);
        run(w, 101_000, 800_000, t -> List.of());
        w.update(List.of(bots(200, 2.0)), 800_500);
        assertThat(w.newPerSec()).as("after the balancer forgot them").isCloseTo(200 * (1 - Math.exp(-1)) / 0.5, within(1e-6));
    }

    @Test
    void refusesTimeThatDoesNotMoveOn() {
        SourceWindow w = new SourceWindow();
        w.update(List.of(), 1_000);
        assertThatThrownBy(() -> w.update(List.of(), 1_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowMillis: 1000");
    }

    /** The window figure of the 300 clients at 1 req/s alone (checked one by one above). */
    static double steady(double atMillis) {
        return SourceWindow.residentSeen(300, 1.0, SourceWindow.windowMillis((long) atMillis) / 1000.0);
    }

    /**
     * A steady population simulated client by client: each tick a client sends with probability
     * 1 - e^(-rate × tick), and is replaced by a new one with probability 1 % per second × tick.
     * Returns the clients seen over the balancer's window.
     */
    static final class ClientByClient {
        final double rate;
        final SplittableRandom random;
        final long[] lastSeen;
        final java.util.ArrayDeque<Long> goneLastSeen = new java.util.ArrayDeque<>();

        ClientByClient(int count, double rate, long seed) {
            this.rate = rate;
            this.random = new SplittableRandom(seed);
            this.lastSeen = new long[count];
            java.util.Arrays.fill(lastSeen, Long.MIN_VALUE);
        }

        double tick(long nowMillis) {
            double send = 1 - Math.exp(-rate * TICK / 1000.0);
            double churn = 0.01 * TICK / 1000.0;
            long from = nowMillis - SourceWindow.windowMillis(nowMillis);
            for (int i = 0; i < lastSeen.length; i++) {
                if (random.nextDouble() < churn) {
                    goneLastSeen.add(lastSeen[i]);
                    lastSeen[i] = Long.MIN_VALUE; // a new client in this slot
                }
                if (random.nextDouble() < send) {
                    lastSeen[i] = nowMillis;
                }
            }
            goneLastSeen.removeIf(t -> t <= from);
            long seen = goneLastSeen.size();
            for (long t : lastSeen) {
                if (t > from) {
                    seen++;
                }
            }
            return seen;
        }
    }

    static double[] at(List<double[]> ticks, long millis) {
        return ticks.stream().filter(x -> x[0] == millis).findFirst().orElseThrow();
    }
}
