package org.vmshield.balancer.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.vmshield.balancer.pool.Backend;

/** The backend side of an L4 proxied connection: relays to the client, closes it on close. */
final class TcpBackendHandler extends ChannelInboundHandlerAdapter {
    private final TcpProxyHandler client;
    private final Backend backend;

    TcpBackendHandler(TcpProxyHandler client, Backend backend) {
        this.client = client;
        this.backend = backend;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        client.fromBackend(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.backendClosed(backend);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            client.backendInputShutdown(ctx.channel());
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
