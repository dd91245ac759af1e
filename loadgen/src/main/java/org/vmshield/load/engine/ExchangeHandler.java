package org.vmshield.load.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.vmshield.load.FailureKind;

/**
 * Runs one request at a time on a keep-alive client connection: writes it, reads the status,
 * resolves the exchange at the end of the response (bodies are discarded, not aggregated), and
 * hands the connection back to its pool.
 */
final class ExchangeHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final RequestDispatcher dispatcher;
    private Exchange current;
    private PoolKey key;
    private int status;
    private boolean keepAlive;

    ExchangeHandler(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Sends {@code ex} on this connection; call on the event loop. */
    void start(ChannelHandlerContext ctx, Exchange ex) {
        current = ex;
        key = ex.key;
        status = 0;
        ex.channel = ctx.channel();
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, ex.target);
        req.headers().set(HttpHeaderNames.HOST, ex.host);
        req.headers().set(HttpHeaderNames.USER_AGENT, "vmshield-load/" + ex.trafficClass.label());
        ctx.writeAndFlush(req).addListener(f -> {
            if (!f.isSuccess()) {
                fail(FailureKind.RESET);
                ctx.close();
            }
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg.decoderResult().isFailure()) {
            fail(FailureKind.PROTOCOL_ERROR);
            ctx.close();
            return;
        }
        if (msg instanceof HttpResponse r) {
            if (r.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return; // 100 Continue and the like: the real response follows
            }
            status = r.status().code();
            keepAlive = HttpUtil.isKeepAlive(r);
        }
        if (msg instanceof LastHttpContent && status > 0) {
            Exchange ex = current;
            current = null;
            if (ex == null || ex.done) {
                ctx.close(); // a response after the deadline: the connection is not reusable
                return;
            }
            dispatcher.resolve(ex, status, FailureKind.ofStatus(status));
            dispatcher.release(ctx, ex.key, keepAlive);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(FailureKind.RESET);
        dispatcher.forget(ctx.channel(), key);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause instanceof DecoderException ? FailureKind.PROTOCOL_ERROR : FailureKind.RESET);
        ctx.close();
    }

    private void fail(FailureKind kind) {
        Exchange ex = current;
        current = null;
        if (ex != null) {
            dispatcher.resolve(ex, 0, kind);
        }
    }
}
