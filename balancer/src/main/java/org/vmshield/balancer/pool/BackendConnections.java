package org.vmshield.balancer.pool;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Idle keep-alive connections to one backend, one stack per event loop: a frontend only takes
 * connections of its own loop, so a deque is touched by one thread and needs no lock. LIFO, so the
 * most recently used (warm) connection is reused first.
 */
public final class BackendConnections {
    /** Idle connections kept per event loop; more are closed. */
    public static final int MAX_IDLE_PER_LOOP = 1024;
    /**
     * A connection idle longer than this is not reused: backends close idle keep-alive connections
     * after their own timeout (often 15-75 s), and a request sent as they do would fail.
     */
    public static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final AttributeKey<Tag> TAG = AttributeKey.valueOf("vmshield.backendConnection");

    /** What a backend connection was opened to, and since when it is idle. */
    private static final class Tag {
        final BackendAddress address;
        long idleSinceNanos;

        Tag(BackendAddress address) {
            this.address = address;
        }
    }

    private final Map<EventLoop, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();

    /** Tags a new connection with the address it was opened to. */
    public static void tag(Channel channel, BackendAddress address) {
        channel.attr(TAG).set(new Tag(address));
    }

    /** Takes an idle connection to {@code current} on this loop, closing stale ones; null if none. */
    public Channel poll(EventLoop loop, BackendAddress current) {
        ArrayDeque<Channel> deque = idle.get(loop);
        if (deque == null) {
            return null;
        }
        Channel ch;
        long now = System.nanoTime();
        while ((ch = deque.pollLast()) != null) {
            Tag tag = ch.attr(TAG).get();
            if (ch.isActive() && tag.address == current && now - tag.idleSinceNanos < MAX_IDLE_NANOS) {
                return ch;
            }
            ch.close();
        }
        return null;
    }

    /** Returns an idle connection to the pool of this loop; false if the pool is full (caller closes). */
    public boolean offer(EventLoop loop, Channel channel, BackendAddress current) {
        Tag tag = channel.attr(TAG).get();
        if (tag == null || tag.address != current || !channel.isActive()) {
            return false;
        }
        ArrayDeque<Channel> deque = idle.computeIfAbsent(loop, l -> new ArrayDeque<>());
        if (deque.size() >= MAX_IDLE_PER_LOOP) {
            return false;
        }
        long now = System.nanoTime();
        tag.idleSinceNanos = now;
        deque.addLast(channel);
        // LIFO reuse leaves old connections at the bottom: retire one stale one per offer
        Channel oldest = deque.peekFirst();
        if (oldest != channel && now - oldest.attr(TAG).get().idleSinceNanos >= MAX_IDLE_NANOS) {
            deque.pollFirst();
            oldest.close();
        }
        return true;
    }

    /** Forgets a connection that closed while idle (called on its loop). */
    public void remove(EventLoop loop, Channel channel) {
        ArrayDeque<Channel> deque = idle.get(loop);
        if (deque != null) {
            deque.remove(channel);
        }
    }

    /** Closes every idle connection, each on its own loop (address switch, backend removal). */
    public void closeIdle() {
        idle.forEach((loop, deque) -> loop.execute(() -> {
            Channel ch;
            while ((ch = deque.pollLast()) != null) {
                ch.close();
            }
        }));
    }

    /** Returns the number of idle connections (approximate: read across loops). */
    public int idleCount() {
        int n = 0;
        for (ArrayDeque<Channel> d : idle.values()) {
            n += d.size();
        }
        return n;
    }
}
