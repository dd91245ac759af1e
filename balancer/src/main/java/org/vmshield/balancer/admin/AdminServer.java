package org.vmshield.balancer.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.config.AdminConfig;
import org.vmshield.balancer.proxy.Transport;

/**
 * The admin API's HTTP server: its own socket (loopback by default), one control event loop,
 * bodies up to 1 MiB. Routes are in {@link AdminHandler}.
 */
public final class AdminServer implements AutoCloseable {
    /** Largest accepted request body. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final AdminConfig config;
    private final Balancer balancer;
    private final EventLoop loop;
    private final Transport transport;
    private Channel channel;

    /** Creates the server; nothing is bound until {@link #start}. */
    public AdminServer(AdminConfig config, Balancer balancer, EventLoop loop, Transport transport) {
        this.config = config;
        this.balancer = balancer;
        this.loop = loop;
        this.transport = transport;
    }

    /** Binds the socket; throws IllegalStateException when it cannot. */
    public void start() {
        ServerBootstrap b = new ServerBootstrap().group(loop).channel(transport.serverChannelClass())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(30, TimeUnit.SECONDS), new HttpServerCodec(),
                                new HttpObjectAggregator(MAX_BODY_BYTES), new AdminHandler(balancer, config.token()));
                    }
                });
        try {
            channel = b.bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()))
                    .syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("admin: cannot bind " + config.bind() + ":" + config.port() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Returns the bound port. */
    public int port() {
        return channel == null ? 0 : ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
