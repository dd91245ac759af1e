package org.vmshield.balancer.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.BackendState;
import org.vmshield.balancer.pool.Pool;

/**
 * The client side of an L4 (TCP) proxied connection, as Netty's proxy example: connect to a backend on
 * this event loop, then relay bytes both ways, reading one side again only when the write to the
 * other succeeded. A connect failure is retried once on another backend (nothing was sent yet); a
 * paused backend holds the connection until it is released or the pause deadline passes.
 */
final class TcpProxyHandler extends ChannelInboundHandlerAdapter {
    private final ListenerContext context;
    private final Pool pool;
    private ChannelHandlerContext ctx;
    private Backend backend;
    private Channel outbound;
    private boolean retried;
    private boolean closed;
    private Runnable pauseWaiter;
    private ScheduledFuture<?> pauseDeadline;

    TcpProxyHandler(ListenerContext context) {
        this.context = context;
        this.pool = context.pool();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        pool.counters().connectionOpened();
        pool.counters().requestStarted();
        select(null);
    }

    private void select(Backend exclude) {
        Backend picked = pool.pick(exclude);
        if (picked == null && exclude != null && exclude.state() != BackendState.PAUSED) {
            picked = pool.pick(null);
        }
        Backend b = picked;
        backend = b;
        if (b == null) {
            ctx.close();
            return;
        }
        if (b.state() == BackendState.PAUSED) {
            hold(b);
            return;
        }
        EventLoop loop = ctx.channel().eventLoop();
        context.connector().connect(loop, b.address().socketAddress(), new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new TcpBackendHandler(TcpProxyHandler.this, b));
            }
        }, true).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                b.counters().connectionOpened(); // closed in backendClosed(), whatever happens next
            }
            if (closed) {
                f.channel().close();
                return;
            }
            if (f.isSuccess()) {
                outbound = f.channel();
                b.requestStarted();
                b.counters().requestStarted();
                pool.outliers().onSuccess(b);
                ctx.read();
                outbound.read();
            } else {
                pool.outliers().onFailure(b);
                if (!retried) {
                    retried = true;
                    select(b);
                } else {
                    b.counters().error();
                    ctx.close();
                }
            }
        });
    }

    private void hold(Backend b) {
        EventLoop loop = ctx.channel().eventLoop();
        Runnable[] self = new Runnable[1];
        self[0] = () -> loop.execute(() -> {
            if (pauseWaiter == self[0] && !closed) {
                pauseWaiter = null;
                pauseDeadline.cancel(false);
                select(null);
            }
        });
        if (!b.pauseQueue().offer(self[0])) {
            ctx.close();
            return;
        }
        pauseWaiter = self[0];
        pauseDeadline = loop.schedule(() -> {
            if (pauseWaiter == self[0] && b.pauseQueue().remove(self[0])) {
                pauseWaiter = null;
                if (!retried) {
                    retried = true;
                    select(b);
                } else {
                    ctx.close();
                }
            }
        }, pool.pauseDeadlineNanos(), TimeUnit.NANOSECONDS);
        if (b.state() != BackendState.PAUSED) {
            b.pauseQueue().releaseAll();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (outbound == null || !outbound.isActive()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof ByteBuf buf) {
            backend.counters().bytesIn(buf.readableBytes());
        }
        outbound.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                ctx.read();
            } else {
                f.channel().close();
            }
        });
    }

    /** Relays bytes from the backend to the client. */
    void fromBackend(ChannelHandlerContext backendCtx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            backend.counters().bytesOut(buf.readableBytes());
        }
        ctx.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                backendCtx.read();
            } else {
                f.channel().close();
            }
        });
    }

    /** The backend closed: close the client once what it sent is flushed. */
    void backendClosed(Backend of) {
        of.counters().connectionClosed();
        closeOnFlush(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (this.ctx == null) {
            return;
        }
        pool.counters().connectionClosed();
        pool.counters().requestFinished();
        if (pauseWaiter != null && backend != null) {
            backend.pauseQueue().remove(pauseWaiter);
            pauseDeadline.cancel(false);
            pauseWaiter = null;
        }
        if (outbound != null) {
            backend.requestFinished(-1, context.nanoClock().getAsLong());
            backend.counters().requestFinished();
            closeOnFlush(outbound);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            if (outbound == null) {
                ctx.close();
            } else {
                halfClose(ctx.channel(), outbound);
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** The backend ended its output: end ours to the client once everything is flushed. */
    void backendInputShutdown(Channel backendChannel) {
        halfClose(backendChannel, ctx.channel());
    }

    /**
     * {@code from} will send nothing more: once what it sent is flushed to {@code to}, end
     * {@code to}'s output too. A side whose both directions ended is closed.
     */
    static void halfClose(Channel from, Channel to) {
        to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
            if (to instanceof DuplexChannel d && to.isActive()) {
                d.shutdownOutput().addListener(x -> {
                    if (d.isInputShutdown()) {
                        to.close();
                    }
                });
            } else {
                to.close();
            }
        });
        if (from instanceof DuplexChannel d && d.isOutputShutdown()) {
            from.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closeOnFlush(ctx.channel());
    }

    static void closeOnFlush(Channel ch) {
        if (ch.isActive()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
