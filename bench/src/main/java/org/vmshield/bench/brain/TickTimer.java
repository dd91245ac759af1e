package org.vmshield.bench.brain;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A careful micro-harness for one tick: warm-up runs, then measured runs on the calling thread,
 * each timed with {@link System#nanoTime()} (wall) and the thread's CPU time (which a machine
 * shared with other work disturbs less), and its allocation read from
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}. Set-up that is not part of a
 * tick belongs in {@code prepare}, which runs untimed before every run.
 */
public final class TickTimer {
    private final com.sun.management.ThreadMXBean threads;

    /** Creates a timer; fails when the JVM cannot measure per-thread allocation. */
    public TickTimer() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t)
                || !t.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread allocation (expected: HotSpot)");
        }
        t.setThreadAllocatedMemoryEnabled(true);
        this.threads = t;
    }

    /** What the measured runs took. */
    public record Result(int runs, double medianMillis, double p99Millis, double meanMillis, double maxMillis,
            double medianCpuMillis, long medianAllocatedBytes) {}

    /** A tick whose untimed preparation and timed run are separate. */
    public interface Tick {
        /** Prepares run {@code i} (untimed). */
        void prepare(int i);

        /** Runs it (timed). */
        void run(int i);
    }

    /**
     * Runs {@code warmup} untimed ticks, then {@code runs} timed ones; {@code progress} is called
     * after every tenth of the work.
     */
    public Result measure(Tick tick, int warmup, int runs, IntConsumer progress) {
        if (warmup < 0 || runs < 1) {
            throw new IllegalArgumentException("warmup %s, runs %s (expected: >= 0, >= 1)".formatted(warmup, runs));
        }
        int total = warmup + runs;
        long[] nanos = new long[runs];
        long[] bytes = new long[runs];
        long[] cpu = new long[runs];
        long id = Thread.currentThread().getId();
        int lastDecile = 0;
        for (int i = 0; i < total; i++) {
            tick.prepare(i);
            long a0 = threads.getThreadAllocatedBytes(id);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            tick.run(i);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long a1 = threads.getThreadAllocatedBytes(id);
            if (i >= warmup) {
                nanos[i - warmup] = t1 - t0;
                cpu[i - warmup] = c1 - c0;
                bytes[i - warmup] = a1 - a0;
            }
            int decile = (i + 1) * 10 / total;
            if (decile > lastDecile) {
                lastDecile = decile;
                progress.accept(decile * 10);
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(bytes);
        Arrays.sort(cpu);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        return new Result(runs, nanos[runs / 2] / 1e6, nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6,
                mean, nanos[runs - 1] / 1e6, cpu[runs / 2] / 1e6, bytes[runs / 2]);
    }
}
