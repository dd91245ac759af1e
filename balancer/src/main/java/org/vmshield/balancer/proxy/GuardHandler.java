package org.vmshield.balancer.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;
import org.vmshield.balancer.guard.Verdict;

/**
 * The guard stage of a listener's pipeline: asks the pool's guards (through {@link TrafficHooks})
 * whether a new connection, and then each request head, may proceed. A refused connection is closed
 * here; a refused request is passed on as a {@link RefusedRequest} so that the proxy answers it after
 * the responses before it (pipelining keeps its order). Malformed heads pass untouched: the proxy
 * answers them with 400.
 */
final class GuardHandler extends ChannelInboundHandlerAdapter {
    private final TrafficHooks hooks;
    private final LongSupplier nanoClock;
    private final ConnectionTimeoutHandler timeouts;
    private final boolean http;
    private InetAddress source;
    private boolean admitted;
    private Verdict connectionRefusal;

    GuardHandler(TrafficHooks hooks, LongSupplier nanoClock, ConnectionTimeoutHandler timeouts, boolean http) {
        this.hooks = hooks;
        this.nanoClock = nanoClock;
        this.timeouts = timeouts;
        this.http = http;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        source = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        Verdict v = hooks.onConnectionOpen(source, nanoClock.getAsLong());
        if (v.refused()) {
            hooks.onRefused(source);
            if (!http || v.httpStatus() == 0) {
                ctx.close();
                return;
            }
            connectionRefusal = v; // answer the first request with the rule's status, then close
            ctx.fireChannelActive();
            return;
        }
        admitted = true;
        timeouts.admitted(source, hooks);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (admitted) {
            admitted = false;
            hooks.onConnectionClose(source);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (connectionRefusal != null && msg instanceof HttpRequest req) {
            ctx.fireChannelRead(new RefusedRequest(req, connectionRefusal, true));
            return;
        }
        if (msg instanceof HttpRequest req && req.decoderResult().isSuccess()) {
            Verdict v = hooks.onRequest(source, HttpPaths.pathOf(req.uri()), timeouts.lastReadNanos());
            if (v.refused()) {
                hooks.onRefused(source);
                ctx.fireChannelRead(new RefusedRequest(req, v, false));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
