package org.vmshield.sim.engine;

import java.util.PriorityQueue;

/**
 * Simulated time and the events scheduled in it, run in time order; events at the same time run
 * in the order they were scheduled, so a run is deterministic.
 */
public final class EventQueue {
    private record Event(long atMillis, long seq, Runnable action) {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.atMillis != b.atMillis
            ? Long.compare(a.atMillis, b.atMillis) : Long.compare(a.seq, b.seq));
    private long nowMillis;
    private long seq;
    private long processed;

    /** Returns the simulated time. */
    public long nowMillis() {
        return nowMillis;
    }

    /** Returns the number of events run so far. */
    public long processed() {
        return processed;
    }

    /** Schedules {@code action} at {@code atMillis}, not before now. */
    public void schedule(long atMillis, Runnable action) {
        if (atMillis < nowMillis) {
            throw new IllegalArgumentException("atMillis: %s (expected: >= now %s)".formatted(atMillis, nowMillis));
        }
        queue.add(new Event(atMillis, seq++, action));
    }

    /** Runs every event up to and including {@code endMillis}, in order; time ends at {@code endMillis}. */
    public void runUntil(long endMillis) {
        while (!queue.isEmpty() && queue.peek().atMillis <= endMillis) {
            Event e = queue.poll();
            nowMillis = e.atMillis;
            e.action.run();
            processed++;
        }
        nowMillis = Math.max(nowMillis, endMillis);
    }
}
