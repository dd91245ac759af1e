package org.vmshield.balancer.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.vmshield.balancer.pool.Backend;

/**
 * The backend side of a proxied HTTP connection: hands what the backend sends to the client
 * connection it currently serves. While idle in the connection pool it serves none, and a backend
 * that talks or closes then is simply dropped from the pool.
 */
final class HttpBackendHandler extends ChannelInboundHandlerAdapter {
    private final Backend backend;
    private HttpProxyHandler client;

    HttpBackendHandler(Backend backend) {
        this.backend = backend;
    }

    Backend backend() {
        return backend;
    }

    void bind(HttpProxyHandler client) {
        this.client = client;
    }

    void unbind() {
        this.client = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        HttpProxyHandler c = client;
        if (c == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        c.onBackendMessage(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        HttpProxyHandler c = client;
        if (c != null) {
            c.onBackendReadComplete();
        } else if (ctx.channel().isActive()) {
            ctx.read(); // idle in the pool: keep watching, so a close is seen at once
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        HttpProxyHandler c = client;
        if (c != null && ctx.channel().isWritable()) {
            c.onBackendWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        backend.counters().connectionClosed();
        HttpProxyHandler c = client;
        client = null;
        if (c != null) {
            c.onBackendClosed(ctx.channel());
        } else {
            backend.connections().remove(ctx.channel().eventLoop(), ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
