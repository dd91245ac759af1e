package org.vmshield.balancer.health;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.balancer.config.HealthCheckConfig;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.Pool;

/**
 * Active HTTP health checks of one pool: every {@code intervalMillis}, a GET of {@code path} to each
 * backend on a fresh connection; a 2xx/3xx answer within {@code timeoutMillis} is a success.
 * {@code fall} failures in a row mark a backend unhealthy, {@code rise} successes healthy again.
 * Everything runs on one control event loop, so the counters need no lock.
 */
public final class ActiveHealthChecker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveHealthChecker.class);

    private final Pool pool;
    private final HealthCheckConfig config;
    private final EventLoop loop;
    private final Class<? extends SocketChannel> channelClass;
    private final Map<Backend, int[]> streaks = new HashMap<>();
    private final Set<Backend> inProgress = new HashSet<>();
    private ScheduledFuture<?> task;

    /** Creates a checker; call {@link #start}. */
    public ActiveHealthChecker(Pool pool, HealthCheckConfig config, EventLoop loop,
            Class<? extends SocketChannel> channelClass) {
        this.pool = pool;
        this.config = config;
        this.loop = loop;
        this.channelClass = channelClass;
    }

    /** Starts checking, first round now. */
    public void start() {
        task = loop.scheduleWithFixedDelay(this::checkAll, 0, config.intervalMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void checkAll() {
        for (Backend b : pool.backends()) {
            if (inProgress.add(b)) {
                check(b, ok -> {
                    inProgress.remove(b);
                    record(b, ok);
                });
            }
        }
    }

    private void check(Backend b, Consumer<Boolean> done) {
        boolean[] finished = {false};
        Consumer<Boolean> once = ok -> {
            if (!finished[0]) {
                finished[0] = true;
                done.accept(ok);
            }
        };
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(channelClass)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.timeoutMillis().intValue())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new SimpleChannelInboundHandler<HttpObject>() {
                            private boolean good;

                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                                if (msg instanceof HttpResponse r) {
                                    int code = r.status().code();
                                    good = r.decoderResult().isSuccess() && code >= 200 && code < 400;
                                }
                                if (msg instanceof LastHttpContent) {
                                    once.accept(good);
                                    ctx.close();
                                }
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                once.accept(false);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
                    }
                });
        String host = b.address().text();
        bootstrap.connect(b.address().socketAddress()).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                once.accept(false);
                return;
            }
            Channel ch = f.channel();
            ScheduledFuture<?> timeout = loop.schedule(() -> {
                once.accept(false);
                ch.close();
            }, config.timeoutMillis(), TimeUnit.MILLISECONDS);
            ch.closeFuture().addListener(x -> timeout.cancel(false));
            DefaultFullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, config.path());
            req.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.USER_AGENT, "vmshield-health");
            ch.writeAndFlush(req);
        });
    }

    private void record(Backend b, boolean ok) {
        int[] s = streaks.computeIfAbsent(b, k -> new int[2]);
        if (ok) {
            s[0]++;
            s[1] = 0;
            if (!b.checkedHealthy() && s[0] >= config.rise()) {
                b.setCheckedHealthy(true);
                LOG.info("pool {}: backend {} healthy again ({} checks passed)", pool.name(), b.id(), s[0]);
            }
        } else {
            s[1]++;
            s[0] = 0;
            if (b.checkedHealthy() && s[1] >= config.fall()) {
                b.setCheckedHealthy(false);
                LOG.warn("pool {}: backend {} unhealthy ({} checks failed)", pool.name(), b.id(), s[1]);
            }
        }
        streaks.keySet().retainAll(java.util.Arrays.asList(pool.backends()));
    }
}
