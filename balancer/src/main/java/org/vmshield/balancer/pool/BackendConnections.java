package org.vmshield.balancer.pool;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Idle keep-alive connections to one backend, one stack per event loop: a frontend only takes
 * connections of its own loop, so a deque is touched by one thread and needs no lock. LIFO, so the
 * most recently used (warm) connection is reused first.
 *
 * <p>Connections idle too long are closed by a sweep on each loop's timer, not on the request path: a
 * request that came after a lull would otherwise close them itself, taking a branch the JIT had never
 * seen, and the JVM would throw away and recompile its hot read path (measured: seconds of slow
 * requests). Times are read from the loop's ticker, so tests can move them.
 */
public final class BackendConnections {
    /** Idle connections kept per event loop; more are closed. */
    public static final int MAX_IDLE_PER_LOOP = 1024;
    /**
     * A connection idle longer than this is not reused: backends close idle keep-alive connections
     * after their own timeout (often 15-75 s), and a request sent as they do would fail.
     */
    public static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How often each loop closes its stale idle connections. */
    public static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final AttributeKey<Tag> TAG = AttributeKey.valueOf("vmshield.backendConnection");

    /** What a backend connection was opened to, and since when it is idle. */
    private static final class Tag {
        final BackendAddress address;
        long idleSinceNanos;

        Tag(BackendAddress address) {
            this.address = address;
        }
    }

    /** The idle connections of one loop, oldest first, that loop's sweep, and its spare being opened. */
    private static final class LoopIdle {
        final ArrayDeque<Channel> channels = new ArrayDeque<>();
        ScheduledFuture<?> sweep;
        boolean spareOpening;
    }

    private final Map<EventLoop, LoopIdle> idle = new ConcurrentHashMap<>();
    private final long maxIdleNanos;
    private final long sweepIntervalNanos;
    private volatile boolean closed;

    /** Creates the pool with {@link #MAX_IDLE_NANOS} and {@link #SWEEP_INTERVAL_NANOS}. */
    public BackendConnections() {
        this(MAX_IDLE_NANOS, SWEEP_INTERVAL_NANOS);
    }

    /** Creates the pool; a connection idle {@code maxIdleNanos} is not reused, and is closed within a sweep. */
    public BackendConnections(long maxIdleNanos, long sweepIntervalNanos) {
        if (maxIdleNanos <= 0 || sweepIntervalNanos <= 0) {
            throw new IllegalArgumentException("maxIdleNanos, sweepIntervalNanos: " + maxIdleNanos + ", "
                    + sweepIntervalNanos + " (expected: > 0)");
        }
        this.maxIdleNanos = maxIdleNanos;
        this.sweepIntervalNanos = sweepIntervalNanos;
    }

    /** Tags a new connection with the address it was opened to. */
    public static void tag(Channel channel, BackendAddress address) {
        channel.attr(TAG).set(new Tag(address));
    }

    /**
     * Takes an idle connection to {@code current} on this loop; null if none. One to another address
     * (after a switch), closed, or (rarely, between sweeps) stale is closed and skipped.
     */
    public Channel poll(EventLoop loop, BackendAddress current) {
        LoopIdle li = idle.get(loop);
        if (li == null) {
            return null;
        }
        Channel ch;
        while ((ch = li.channels.pollLast()) != null) {
            Tag tag = ch.attr(TAG).get();
            if (ch.isActive() && tag.address == current && loop.ticker().nanoTime() - tag.idleSinceNanos < maxIdleNanos) {
                return ch;
            }
            ch.close();
        }
        return null;
    }

    /** Returns an idle connection to the pool of this loop; false if the pool is full or closed (caller closes). */
    public boolean offer(EventLoop loop, Channel channel, BackendAddress current) {
        Tag tag = channel.attr(TAG).get();
        if (closed || tag == null || tag.address != current || !channel.isActive()) {
            return false;
        }
        LoopIdle li = idle.get(loop);
        if (li == null) {
            li = startLoop(loop);
        }
        if (li.channels.size() >= MAX_IDLE_PER_LOOP) {
            return false;
        }
        tag.idleSinceNanos = loop.ticker().nanoTime();
        li.channels.addLast(channel);
        return true;
    }

    /**
     * Claims the opening of one spare connection on this loop when fewer than {@code spares} are idle
     * and none is being opened (so a burst opens one at a time); the caller opens it, then calls
     * {@link #spareOpened} and, if it connected, {@link #offer}. False when nothing is to be opened.
     */
    public boolean claimSpare(EventLoop loop, int spares) {
        if (spares <= 0 || closed) {
            return false;
        }
        LoopIdle li = idle.get(loop);
        if (li == null) {
            li = startLoop(loop);
        }
        if (li.spareOpening || li.channels.size() >= spares) {
            return false;
        }
        li.spareOpening = true;
        return true;
    }

    /** Ends the claim of {@link #claimSpare}, whether the connection opened or not. */
    public void spareOpened(EventLoop loop) {
        LoopIdle li = idle.get(loop);
        if (li != null) {
            li.spareOpening = false;
        }
    }

    private LoopIdle startLoop(EventLoop loop) {
        LoopIdle li = new LoopIdle();
        idle.put(loop, li); // only this loop creates its own entry
        li.sweep = loop.scheduleAtFixedRate(() -> sweep(loop, li), sweepIntervalNanos, sweepIntervalNanos,
                TimeUnit.NANOSECONDS);
        return li;
    }

    /**
     * Closes the connections that would be stale before the next sweep: poll then almost never meets
     * one. The deque is ordered by idle time (added at the end), so only its head needs looking at.
     */
    private void sweep(EventLoop loop, LoopIdle li) {
        if (closed) { // offered to while close() ran: stop here
            li.sweep.cancel(false);
            li.channels.forEach(Channel::close);
            li.channels.clear();
            return;
        }
        long limit = loop.ticker().nanoTime() - Math.max(0, maxIdleNanos - sweepIntervalNanos);
        Channel oldest;
        while ((oldest = li.channels.peekFirst()) != null && oldest.attr(TAG).get().idleSinceNanos - limit <= 0) {
            li.channels.pollFirst();
            oldest.close();
        }
    }

    /** Forgets a connection that closed while idle (called on its loop). */
    public void remove(EventLoop loop, Channel channel) {
        LoopIdle li = idle.get(loop);
        if (li != null) {
            li.channels.remove(channel);
        }
    }

    /** Closes every idle connection, each on its own loop (address switch, backend removal). */
    public void closeIdle() {
        idle.forEach((loop, li) -> loop.execute(() -> {
            Channel ch;
            while ((ch = li.channels.pollLast()) != null) {
                ch.close();
            }
        }));
    }

    /** Closes every idle connection and stops the sweeps; connections offered later are refused (backend removed). */
    public void close() {
        closed = true;
        idle.forEach((loop, li) -> {
            if (li.sweep != null) {
                li.sweep.cancel(false);
            }
        });
        closeIdle();
    }

    /** Returns the number of idle connections (approximate: read across loops). */
    public int idleCount() {
        int n = 0;
        for (LoopIdle li : idle.values()) {
            n += li.channels.size();
        }
        return n;
    }
}
