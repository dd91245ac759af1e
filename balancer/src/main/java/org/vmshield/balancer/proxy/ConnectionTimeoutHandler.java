package org.vmshield.balancer.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.CharsetUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.vmshield.balancer.stats.TrafficCounters;

/**
 * Enforces the request-header timeout (slowloris) and the idle timeout of one client connection,
 * reports connections idle without a request head to the telemetry, and counts raw bytes. Sits next
 * to the socket, so it sees every byte both ways. One scheduled check per connection, re-armed when
 * it fires (as Netty's IdleStateHandler does); it is moved earlier only when a read ends with a
 * request head still incomplete, so a request whose head arrives in one read costs a clock read,
 * not a timer operation.
 *
 * <p>The header timer runs from the connection's start for its first request, and from the first byte
 * of each later request; between requests only the idle timeout applies.
 */
public final class ConnectionTimeoutHandler extends ChannelDuplexHandler {
    private static final ByteBuf TIMEOUT_408 = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(
            "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", CharsetUtil.US_ASCII));
    /** A connection waiting this long (or half the header timeout) for a request head counts as idle. */
    static final long MAX_IDLE_THRESHOLD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long NOT_AWAITING = Long.MIN_VALUE;
    private static final long AWAITING_FIRST_BYTE = Long.MIN_VALUE + 1;

    private final long headerTimeoutNanos;
    private final long idleTimeoutNanos;
    private final boolean http;
    private final TrafficCounters counters;
    private final LongSupplier nanoClock;
    private long headStartNanos = NOT_AWAITING;
    private long lastActivityNanos;
    private long lastReadNanos;
    /** The time of the next write, given by its writer ({@link #activityAt}); else the write reads the clock. */
    private long notedNanos;
    private boolean noted;
    private final long idleThresholdNanos;
    private ScheduledFuture<?> check;
    private ChannelHandlerContext ctx;
    private TrafficHooks hooks;
    private InetAddress source;
    private boolean idleReported;
    private long scheduledAtNanos;

    /** Creates the handler; {@code http} false (TCP mode) disables the header timer. */
    public ConnectionTimeoutHandler(long headerTimeoutMillis, long idleTimeoutMillis, boolean http,
            TrafficCounters counters, LongSupplier nanoClock) {
        this.headerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(headerTimeoutMillis);
        this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
        this.http = http;
        this.counters = counters;
        this.nanoClock = nanoClock;
        this.idleThresholdNanos = Math.min(MAX_IDLE_THRESHOLD_NANOS, headerTimeoutNanos / 2);
    }

    /** Starts reporting idle-without-a-request periods of this admitted connection to {@code hooks}. */
    void admitted(InetAddress source, TrafficHooks hooks) {
        this.source = source;
        this.hooks = hooks;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long now = nanoClock.getAsLong();
        lastActivityNanos = now;
        if (http) {
            headStartNanos = now;
        }
        arm(now);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
        reportIdle(false);
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            long now = nanoClock.getAsLong();
            lastActivityNanos = now;
            lastReadNanos = now;
            counters.bytesIn(buf.readableBytes());
            if (headStartNanos == AWAITING_FIRST_BYTE) {
                headStartNanos = now;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            counters.bytesOut(buf.readableBytes());
        }
        if (noted) {
            noted = false;
            lastActivityNanos = notedNanos;
        } else {
            lastActivityNanos = nanoClock.getAsLong();
        }
        ctx.write(msg, promise);
    }

    /**
     * Gives the time of the write that follows at once: the proxy has just read the clock (for its
     * latency figures), so the write need not read it again.
     */
    void activityAt(long nowNanos) {
        notedNanos = nowNanos;
        noted = true;
    }

    /**
     * After a read: a request head still incomplete needs the check at its header deadline (or idle
     * threshold), which may be earlier than the one scheduled.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (headStartNanos > AWAITING_FIRST_BYTE && check != null) {
            long now = nanoClock.getAsLong();
            if (headDeadline(now) - scheduledAtNanos < 0) {
                check.cancel(false);
                arm(now);
            }
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * Returns when the last bytes were read from the client: what a request decoded from them takes as
     * its arrival time, so that the stages after this one need not read the clock again.
     */
    long lastReadNanos() {
        return lastReadNanos;
    }

    /** Stops the header timer: a complete request head arrived. */
    public void headReceived() {
        headStartNanos = NOT_AWAITING;
        reportIdle(false);
    }

    private void reportIdle(boolean idle) {
        if (hooks != null && idleReported != idle) {
            idleReported = idle;
            hooks.onConnectionIdle(source, idle);
        }
    }

    /** Starts waiting for the next request head; the timer starts at its first byte. */
    public void awaitingHead() {
        if (http) {
            headStartNanos = AWAITING_FIRST_BYTE;
        }
    }

    /** The next instant the head wait matters: the idle threshold, then the header timeout. */
    private long headDeadline(long now) {
        return headStartNanos + (now - headStartNanos >= idleThresholdNanos ? headerTimeoutNanos : idleThresholdNanos);
    }

    private void arm(long now) {
        long deadline = lastActivityNanos + idleTimeoutNanos;
        if (headStartNanos > AWAITING_FIRST_BYTE) {
            deadline = Math.min(deadline, headDeadline(now));
        }
        scheduledAtNanos = deadline;
        check = ctx.executor().schedule(this::onCheck, Math.max(1, deadline - now), TimeUnit.NANOSECONDS);
    }

    private void onCheck() {
        check = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (headStartNanos > AWAITING_FIRST_BYTE && now - headStartNanos >= headerTimeoutNanos) {
            ctx.writeAndFlush(TIMEOUT_408.duplicate()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (now - lastActivityNanos >= idleTimeoutNanos) {
            ctx.close();
            return;
        }
        if (headStartNanos > AWAITING_FIRST_BYTE && now - headStartNanos >= idleThresholdNanos) {
            reportIdle(true);
        }
        arm(now);
    }
}
