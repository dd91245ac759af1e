package org.vmshield.load.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small real HTTP/1.1 server for the tests, on 127.0.0.1 and an ephemeral port: records each
 * request's source address, arrival time and URI, counts connections and bytes, and answers with
 * a chosen status after a chosen delay (or closes the connection without answering).
 */
public final class RecordingHttpServer implements AutoCloseable {
    /** One request the server received. */
    public record Hit(InetAddress source, long nanoTime, String uri) {}

    /** How the server answers. */
    public enum Mode { ANSWER, CLOSE_WITHOUT_ANSWER }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile Mode mode = Mode.ANSWER;

    private RecordingHttpServer() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Counter(), new HttpServerCodec(), new Answer());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** Starts a server that answers 200 at once. */
    public static RecordingHttpServer start() throws InterruptedException {
        return new RecordingHttpServer();
    }

    /** Returns the base URL, such as http://127.0.0.1:41234. */
    public String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Sets the status of every response. */
    public RecordingHttpServer status(int code) {
        this.status = code;
        return this;
    }

    /** Sets the delay before each response. */
    public RecordingHttpServer delayMillis(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Sets how the server answers. */
    public RecordingHttpServer mode(Mode m) {
        this.mode = m;
        return this;
    }

    /** Returns the requests received so far (complete headers only). */
    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Returns the connections open now. */
    public int openConnections() {
        return open.get();
    }

    /** Returns the connections accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Returns the bytes received so far. */
    public long bytesReceived() {
        return bytes.get();
    }

    /** Closes every client connection, as an overloaded or guarding server would. */
    public void closeAllConnections() {
        children.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Counter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            open.incrementAndGet();
            accepted.incrementAndGet();
            children.add(ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.decrementAndGet();
            ctx.fireChannelInactive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            bytes.addAndGet(((ByteBuf) msg).readableBytes());
            ctx.fireChannelRead(msg);
        }
    }

    private final class Answer extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest req) || !req.decoderResult().isSuccess()) {
                return; // not a complete request head (for example cut short by a close)
            }
            hits.add(new Hit(((InetSocketAddress) ctx.channel().remoteAddress()).getAddress(), System.nanoTime(), req.uri()));
            if (mode == Mode.CLOSE_WITHOUT_ANSWER) {
                ctx.close();
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                    Unpooled.copiedBuffer("ok\n", StandardCharsets.US_ASCII));
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
            Runnable send = () -> {
                if (keepAlive) {
                    ctx.writeAndFlush(res);
                } else {
                    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
                }
            };
            long delay = delayMillis;
            if (delay > 0) {
                ctx.executor().schedule(send, delay, TimeUnit.MILLISECONDS);
            } else {
                send.run();
            }
        }
    }
}
