package org.vmshield.balancer.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.SocketAddress;

/**
 * Opens backend connections on the event loop of the client connection that needs them, so that
 * both sides of a proxied connection run on one thread (Netty's proxy example), with auto-read off.
 */
public final class BackendConnector {
    private final Transport transport;
    private final int connectTimeoutMillis;

    /** Creates a connector. */
    public BackendConnector(Transport transport, long connectTimeoutMillis) {
        this.transport = transport;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis);
    }

    /** Connects to {@code address} on {@code loop}; {@code initializer} builds the pipeline. */
    public ChannelFuture connect(EventLoop loop, SocketAddress address, ChannelHandler initializer) {
        return connect(loop, address, initializer, false);
    }

    /** Connects; {@code halfClosure} keeps the channel open when the backend ends its output (TCP mode). */
    public ChannelFuture connect(EventLoop loop, SocketAddress address, ChannelHandler initializer, boolean halfClosure) {
        return new Bootstrap()
                .group(loop)
                .channel(transport.socketChannelClass())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOCATOR, ProxyAllocator.get())
                .option(ChannelOption.ALLOW_HALF_CLOSURE, halfClosure)
                .handler(initializer)
                .connect(address);
    }
}
