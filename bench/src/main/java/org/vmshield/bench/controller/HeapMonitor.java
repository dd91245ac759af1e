package org.vmshield.bench.controller;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap: the peak of used heap (the heap just before each collection, from the
 * garbage collectors' notifications, and a sample every {@value #SAMPLE_MILLIS} ms), the peak
 * committed heap, and on request the used heap after a full collection (the live set).
 */
final class HeapMonitor implements AutoCloseable {
    static final long SAMPLE_MILLIS = 200;
    private static final long MIB = 1024 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peakUsedBytes = new AtomicLong();
    private final AtomicLong peakCommittedBytes = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<Registered> registered = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vmshield-heap-sampler");
        t.setDaemon(true);
        return t;
    });

    /** Starts watching: registers with every collector and starts the sampler. */
    HeapMonitor start() {
        NotificationListener listener = this::onCollection;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                registered.add(new Registered(emitter, listener));
            }
        }
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void onCollection(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        collections.incrementAndGet();
        long before = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                before += e.getValue().getUsed();
            }
        }
        peakUsedBytes.accumulateAndGet(before, Math::max);
    }

    private void sample() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        peakUsedBytes.accumulateAndGet(heap.getUsed(), Math::max);
        peakCommittedBytes.accumulateAndGet(heap.getCommitted(), Math::max);
    }

    /** Runs a full collection and returns the heap still used after it, in MiB. */
    double usedAfterFullGcMiB() {
        sample(); // what was used before the collection counts towards the peak
        System.gc(); // a full, stop-the-world collection with the JVM's default collectors
        return (double) memory.getHeapMemoryUsage().getUsed() / MIB;
    }

    /** Returns the heap used now, in MiB. */
    double usedMiB() {
        return (double) memory.getHeapMemoryUsage().getUsed() / MIB;
    }

    /** Returns the largest used heap seen, in MiB. */
    double peakUsedMiB() {
        sample();
        return (double) peakUsedBytes.get() / MIB;
    }

    /** Returns the largest committed heap seen, in MiB. */
    double peakCommittedMiB() {
        return (double) peakCommittedBytes.get() / MIB;
    }

    /** Returns the heap limit ({@code -Xmx}, or the JVM's default), in MiB. */
    double maxHeapMiB() {
        return (double) Runtime.getRuntime().maxMemory() / MIB;
    }

    /** Returns the collections seen so far. */
    long collections() {
        return collections.get();
    }

    /** Returns the names of the JVM's collectors, e.g. "G1 Young Generation, G1 Old Generation". */
    static String collectorNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (Registered r : registered) {
            try {
                r.emitter.removeNotificationListener(r.listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to remove
            }
        }
    }

    private record Registered(NotificationEmitter emitter, NotificationListener listener) {}
}
