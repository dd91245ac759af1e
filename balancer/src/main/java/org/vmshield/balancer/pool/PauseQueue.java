package org.vmshield.balancer.pool;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests held while a backend is paused, bounded. A waiter is a callback that hops back to
 * its own event loop and picks a backend again; it must run at most once (its owner guards that).
 */
public final class PauseQueue {
    private final int maxWaiters;
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentLinkedQueue<Runnable> waiters = new ConcurrentLinkedQueue<>();

    PauseQueue(int maxWaiters) {
        this.maxWaiters = maxWaiters;
    }

    /** Adds a waiter; returns false when the queue is full (the caller refuses the request). */
    public boolean offer(Runnable waiter) {
        if (size.incrementAndGet() > maxWaiters) {
            size.decrementAndGet();
            return false;
        }
        waiters.add(waiter);
        return true;
    }

    /** Removes a waiter whose deadline passed; returns false if it was already released. */
    public boolean remove(Runnable waiter) {
        if (waiters.remove(waiter)) {
            size.decrementAndGet();
            return true;
        }
        return false;
    }

    /** Releases every waiter (each picks a backend again, on its own event loop). */
    public void releaseAll() {
        Runnable waiter;
        while ((waiter = waiters.poll()) != null) {
            size.decrementAndGet();
            waiter.run();
        }
    }

    /** Returns the number of held requests. */
    public int size() {
        return size.get();
    }
}
