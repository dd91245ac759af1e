package org.vmshield.load.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.vmshield.load.FailureKind;
import org.vmshield.load.LoadClock;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.ServiceTarget;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.StatsRecorder;

/**
 * Sends requests: reuses an idle keep-alive connection of the source to the service or opens a
 * new one bound to the source address, arms the deadline, and records how each request ends.
 * Bounds the requests in flight; one over the bound is recorded as a LOCAL_LIMIT failure.
 * Lives on the engine's event loop; not thread-safe.
 */
final class RequestDispatcher {
    /** Idle connections kept per source and service; more are closed. */
    private static final int MAX_IDLE_PER_KEY = 4;

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final StatsRecorder stats;
    private final LoadClock clock;
    private final long timeoutNanos;
    private final int maxOutstanding;
    private final Map<String, InetSocketAddress> remotes = new HashMap<>();
    private final Map<String, String> hosts = new HashMap<>();
    private final Map<String, ServiceTarget> targets = new HashMap<>();
    private final Map<String, Boolean> bindable = new HashMap<>();
    private final Map<PoolKey, ArrayDeque<Channel>> idle = new HashMap<>();
    private int outstanding;
    private boolean closing;

    RequestDispatcher(LoadPlan plan, EventLoop loop, Class<? extends Channel> channelClass,
                      StatsRecorder stats, LoadClock clock) {
        this.loop = loop;
        this.stats = stats;
        this.clock = clock;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(plan.requestTimeoutMillis());
        this.maxOutstanding = plan.maxOutstanding();
        for (ServiceTarget t : plan.services()) {
            remotes.put(t.name(), t.socketAddress());
            hosts.put(t.name(), t.hostHeader());
            targets.put(t.name(), t);
            bindable.put(t.name(), t.isLoopback());
        }
        RequestDispatcher self = this;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelClass)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, plan.connectTimeoutMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new ExchangeHandler(self));
                    }
                });
    }

    /** Returns the requests in flight. */
    int outstanding() {
        return outstanding;
    }

    /**
     * Sends a GET of {@code path} to {@code service} from {@code source}, due at {@code scheduledNanos};
     * it waits {@code timeoutOverrideNanos} for its answer if &gt; 0, else the plan's request timeout.
     */
    void send(String service, TrafficClass cls, InetAddress source, String path, long scheduledNanos,
            long timeoutOverrideNanos) {
        if (closing) {
            return;
        }
        InetAddress bound = bindable.get(service) ? source : null;
        if (outstanding >= maxOutstanding) {
            stats.recordRequest(service, cls, bound, 0, 0, FailureKind.LOCAL_LIMIT);
            return;
        }
        outstanding++;
        PoolKey key = new PoolKey(bound, service);
        long timeout = timeoutOverrideNanos > 0 ? timeoutOverrideNanos : timeoutNanos;
        Exchange ex = new Exchange(service, cls, targets.get(service).requestTarget(path), hosts.get(service),
                scheduledNanos, key, timeout);
        long delay = scheduledNanos + timeout - clock.nanoTime();
        ex.deadline = loop.schedule(() -> expire(ex), Math.max(0, delay), TimeUnit.NANOSECONDS);
        Channel ch = pollIdle(key);
        if (ch != null) {
            startOn(ch, ex);
            return;
        }
        ChannelFuture f = bound == null
                ? bootstrap.connect(remotes.get(service))
                : bootstrap.connect(remotes.get(service), new InetSocketAddress(bound, 0));
        f.addListener(done -> {
            if (!done.isSuccess()) {
                resolve(ex, 0, FailureKind.CONNECT_ERROR);
            } else if (ex.done) {
                f.channel().close(); // expired while connecting
            } else {
                startOn(f.channel(), ex);
            }
        });
    }

    /** Records how {@code ex} ended, once; later calls for the same exchange are ignored. */
    void resolve(Exchange ex, int status, FailureKind failure) {
        if (ex.done) {
            return;
        }
        ex.done = true;
        ex.deadline.cancel(false);
        outstanding--;
        long latency = clock.nanoTime() - ex.scheduledNanos;
        // a response that came after the deadline (the loop read it before the deadline's timer ran) is late
        FailureKind kind = failure == null && latency > ex.timeoutNanos ? FailureKind.TIMEOUT : failure;
        stats.recordRequest(ex.service, ex.trafficClass, ex.key.source(), latency, status, kind);
    }

    /** Returns a connection to its pool after a complete response, or closes it. */
    void release(ChannelHandlerContext ctx, PoolKey key, boolean keepAlive) {
        Channel ch = ctx.channel();
        ArrayDeque<Channel> q = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (keepAlive && !closing && ch.isActive() && q.size() < MAX_IDLE_PER_KEY) {
            q.addLast(ch);
        } else {
            ctx.close();
        }
    }

    /** Drops a closed connection from the idle pools. */
    void forget(Channel ch, PoolKey key) {
        ArrayDeque<Channel> q = key == null ? null : idle.get(key);
        if (q != null) {
            q.remove(ch); // at most MAX_IDLE_PER_KEY entries
        }
    }

    /** Stops sending and closes every idle connection; requests in flight still finish or expire. */
    void close() {
        closing = true;
        List<Channel> all = new ArrayList<>();
        idle.values().forEach(all::addAll);
        idle.clear();
        all.forEach(Channel::close);
    }

    private void expire(Exchange ex) {
        resolve(ex, 0, FailureKind.TIMEOUT);
        if (ex.channel != null) {
            ex.channel.close();
        }
    }

    private void startOn(Channel ch, Exchange ex) {
        ChannelHandlerContext ctx = ch.pipeline().context(ExchangeHandler.class);
        ((ExchangeHandler) ctx.handler()).start(ctx, ex);
    }

    private Channel pollIdle(PoolKey key) {
        ArrayDeque<Channel> q = idle.get(key);
        while (q != null && !q.isEmpty()) {
            Channel ch = q.pollLast();
            if (ch.isActive()) {
                return ch;
            }
        }
        return null;
    }
}
