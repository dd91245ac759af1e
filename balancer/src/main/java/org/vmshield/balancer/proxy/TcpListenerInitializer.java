package org.vmshield.balancer.proxy;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;

/**
 * Builds the pipeline of a TCP (L4) listener's client connection: connection caps, idle timeout,
 * connection guards, then the byte relay.
 */
@io.netty.channel.ChannelHandler.Sharable
final class TcpListenerInitializer extends ChannelInitializer<SocketChannel> {
    private final ListenerContext context;

    TcpListenerInitializer(ListenerContext context) {
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
        ChannelPipeline p = ch.pipeline();
        ConnectionTimeoutHandler timeouts = new ConnectionTimeoutHandler(context.limits().headerTimeoutMillis(),
                context.limits().idleTimeoutMillis(), false, context.pool().counters(), context.nanoClock());
        p.addLast("timeouts", timeouts);
        p.addLast("guard", new GuardHandler(context.hooks(), context.nanoClock(), timeouts, false));
        p.addLast("proxy", new TcpProxyHandler(context));
    }
}
