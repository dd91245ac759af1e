package org.vmshield.balancer.proxy;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetAddress;

/**
 * Builds the pipeline of an HTTP listener's client connection, in this fixed order:
 * <ol>
 *   <li>connection caps (global, per source): checked here, before any handler is added;
 *   <li>{@code timeouts}: request-header (slowloris) and idle timeouts, raw byte counts;
 *   <li>{@code codec}: HTTP/1.1 parsing with max request-line and header sizes;
 *   <li>{@code guard}: guard rules for the connection and each request head;
 *   <li>{@code proxy}: answers {@code Expect: 100-continue} of admitted requests, backend selection,
 *       forwarding, local answers.
 * </ol>
 */
@io.netty.channel.ChannelHandler.Sharable
final class HttpListenerInitializer extends ChannelInitializer<SocketChannel> {
    /** Room for the method and the version around the request target on the request line. */
    private static final int REQUEST_LINE_OVERHEAD = 32;

    private final ListenerContext context;

    HttpListenerInitializer(ListenerContext context) {
        this.context = context;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        InetAddress source = ch.remoteAddress().getAddress();
        if (!context.connectionLimits().tryAcquire(source)) {
            ch.close();
            return;
        }
        ch.closeFuture().addListener(f -> context.connectionLimits().release(source));
        var limits = context.limits();
        ConnectionTimeoutHandler timeouts = new ConnectionTimeoutHandler(limits.headerTimeoutMillis(),
                limits.idleTimeoutMillis(), true, context.pool().counters(), context.nanoClock());
        ChannelPipeline p = ch.pipeline();
        p.addLast("timeouts", timeouts);
        p.addLast("codec", new HttpServerCodec(limits.maxUriLength() + REQUEST_LINE_OVERHEAD, limits.maxHeaderBytes(), 16384));
        p.addLast("guard", new GuardHandler(context.hooks(), context.nanoClock(), timeouts, true));
        p.addLast("proxy", new HttpProxyHandler(context, timeouts));
    }
}
