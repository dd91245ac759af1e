package org.vmshield.balancer.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.vmshield.balancer.config.ListenerConfig;

/**
 * One listening socket (HTTP or TCP mode) and the client connections it accepted. Start at
 * {@link #start}; {@link #close} stops accepting and closes its connections.
 */
public final class ProxyListener implements AutoCloseable {
    private final ListenerConfig config;
    private final ListenerContext context;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel serverChannel;

    /** Creates a listener; nothing is bound until {@link #start}. */
    public ProxyListener(ListenerConfig config, ListenerContext context) {
        this.config = config;
        this.context = context;
    }

    /** Returns the listener's config. */
    public ListenerConfig config() {
        return config;
    }

    /** Returns the shared state of its connections (pool, hooks, limits). */
    public ListenerContext context() {
        return context;
    }

    /** Binds the socket; returns the bound port. Throws IllegalStateException when it cannot bind. */
    public int start(Transport transport, EventLoopGroup acceptors, EventLoopGroup workers) {
        var initializer = config.tcp() ? new TcpListenerInitializer(context) : new HttpListenerInitializer(context);
        ServerBootstrap b = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOCATOR, ProxyAllocator.get())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new io.netty.channel.ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(initializer);
                    }
                });
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.bind()), config.port());
            serverChannel = b.bind(address).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("listener " + config.name() + ": cannot bind " + config.bind() + ":"
                    + config.port() + " (" + e.getMessage() + ")", e);
        }
        return port();
    }

    /** Returns the bound port (0 before start). */
    public int port() {
        return serverChannel == null ? 0 : ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting and closes every connection of this listener. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
