package org.vmshield.load.engine;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;

/**
 * The generator's one event loop thread (native epoll when available, NIO otherwise). Every
 * connection, timer and counter of a run lives on it, so the engine needs no locks.
 */
final class ClientTransport {
    private final EventLoopGroup group;
    private final Class<? extends Channel> channelClass;
    private final String name;

    ClientTransport() {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("vmshield-load", true), factory);
        this.channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.name = epoll ? "epoll" : "nio";
    }

    EventLoop loop() {
        return group.next();
    }

    Class<? extends Channel> channelClass() {
        return channelClass;
    }

    /** Returns "epoll" or "nio". */
    String name() {
        return name;
    }

    /** Closes every channel and stops the thread; the future completes when it has stopped. */
    Future<?> shutdown() {
        return group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
