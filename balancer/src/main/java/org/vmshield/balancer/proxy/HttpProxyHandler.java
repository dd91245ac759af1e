package org.vmshield.balancer.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.balancer.guard.Verdict;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.BackendAddress;
import org.vmshield.balancer.pool.BackendConnections;
import org.vmshield.balancer.pool.BackendState;
import org.vmshield.balancer.pool.Pool;
import org.vmshield.balancer.telemetry.InFlightRequest;

/**
 * The client side of a proxied HTTP/1.1 connection, and the state of its current exchange: picks a
 * backend, takes a pooled keep-alive connection to it (or opens one on this event loop), streams the
 * request body up and the response down, and answers locally when it must (malformed request, guard
 * refusal, no backend, backend failure). Backpressure: with auto-read off on both sides, a side is
 * read again only after its writes were flushed and the other side is still writable.
 *
 * <p>One exchange at a time; pipelined requests wait in {@code pending} until the previous response
 * ended. Everything runs on the connection's event loop; nothing here locks.
 */
final class HttpProxyHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpProxyHandler.class);
    private static final AsciiString X_FORWARDED_FOR = HeaderScan.X_FORWARDED_FOR_NAME;
    private static final AsciiString X_FORWARDED_PROTO = HeaderScan.X_FORWARDED_PROTO_NAME;
    private static final AsciiString HTTP = AsciiString.cached("http");

    private enum State { IDLE, SELECTING, STREAMING, LOCAL }

    /** Inbound messages read ahead (next pipelined requests, body while connecting) before reading stops. */
    private static final int MAX_PENDING = 16;

    private final ListenerContext context;
    private final Pool pool;
    private final TrafficHooks hooks;
    private final ConnectionTimeoutHandler timeouts;
    private final ArrayDeque<Object> pending = new ArrayDeque<>(4);
    private ChannelHandlerContext ctx;
    private InetAddress source;
    private String sourceText;
    private boolean closed;
    private boolean closing;
    private boolean inputShutdown;
    /** Inside a read of the client connection (channelRead up to channelReadComplete). */
    private boolean reading;
    /** A read of the client connection was asked for and has not brought anything yet. */
    private boolean readRequested;
    /**
     * A request without a body was forwarded whole: the decoder's empty end of it, still to come, is
     * dropped (a connection-level flag: it outlives an exchange answered before that end arrives).
     */
    private boolean dropEmptyEnd;

    // The current exchange; reset by finishExchange().
    private State state = State.IDLE;
    private int exchangeId;
    private HttpRequest request;
    private String path;
    private boolean http10;
    private boolean headRequest;
    private boolean clientKeepAlive;
    private boolean idempotent;
    private boolean requestDone;
    private boolean bodyForwarded;
    private boolean responseStarted;
    private boolean responseDone;
    private boolean informational;
    private boolean expectBody;
    private boolean closeAfter;
    private boolean backendReusable;
    private boolean retried;
    private boolean guardAdmitted;
    private boolean backendFailed;
    /**
     * The response head, held until the backend's read ends or the body comes: a head followed by its
     * whole body in the same read goes out as one message, encoded into one buffer, one write.
     */
    private HttpResponse heldHead;
    /** Something was written to the client and not flushed yet (flushed at the end of the backend's read). */
    private boolean unflushed;
    private String refusalRuleId;
    private int status;
    private long startNanos;
    private long backendStartNanos;
    /** What the path telemetry sees of the request at a backend (null until the connection is active). */
    private InFlightRequest inFlight;
    private Backend backend;
    private boolean backendCounted;
    private Channel backendChannel;
    private HttpBackendHandler backendHandler;
    private PauseWaiter pauseWaiter;

    HttpProxyHandler(ListenerContext context, ConnectionTimeoutHandler timeouts) {
        this.context = context;
        this.pool = context.pool();
        this.hooks = context.hooks();
        this.timeouts = timeouts;
    }

    // ---------------------------------------------------------------- client connection events

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        source = remote.getAddress();
        sourceText = source.getHostAddress();
        pool.counters().connectionOpened();
        inFlight = hooks.openInFlight();
        readClient();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (this.ctx == null) {
            return;
        }
        pool.counters().connectionClosed();
        if (state != State.IDLE) {
            abortExchange();
        }
        hooks.closeInFlight(inFlight);
        releasePending();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        readRequested = false;
        if (closed || closing) {
            ReferenceCountUtil.release(msg);
        } else if (dropEmptyEnd && msg instanceof LastHttpContent) {
            dropEmptyEnd = false;
            ReferenceCountUtil.release(msg);
        } else if (state == State.IDLE) {
            begin(msg);
        } else if (!requestDone && state == State.STREAMING && pending.isEmpty()) {
            forwardBody((HttpContent) msg);
        } else {
            pending.add(msg);
        }
    }

    /**
     * Asks for the next read as soon as this side may take more: the request body only while the
     * backend is writable; otherwise a bounded read-ahead into {@code pending}. Asking at once, rather
     * than when the exchange ends, keeps the socket's read interest armed: with auto-read off, a
     * read interest dropped and re-armed costs two epoll_ctl calls per request.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (closed || closing) {
            return;
        }
        if (state == State.STREAMING && backendChannel != null) {
            backendChannel.flush(); // what attach and forwardBody wrote during this read
            if (!requestDone && !backendChannel.isWritable()) {
                return; // resumed by onBackendWritable
            }
        }
        if (inputShutdown) {
            return;
        }
        if (pending.size() < MAX_PENDING) {
            readClient();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && state == State.STREAMING && !responseDone && backendChannel != null) {
            backendChannel.read();
        }
        ctx.fireChannelWritabilityChanged();
    }

    /** The client ended its output: answer what it asked, then close. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            if ((state == State.IDLE && pending.isEmpty()) || (state != State.IDLE && !requestDone)) {
                ctx.close(); // nothing to answer, or a request body that can no longer end
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("client connection {} failed", ctx.channel(), cause);
        ctx.close();
    }

    // ---------------------------------------------------------------- request side

    private void begin(Object msg) {
        if (msg instanceof RefusedRequest refused) {
            beginRefused(refused);
            return;
        }
        if (!(msg instanceof HttpRequest req)) {
            // Leftover (empty) end of a request already answered: drop it and look for the next head.
            ReferenceCountUtil.release(msg);
            processNext();
            return;
        }
        timeouts.headReceived();
        exchangeId++;
        long now = reading ? timeouts.lastReadNanos() : context.nanoClock().getAsLong();
        startNanos = now;
        pool.counters().requestStarted();
        request = req;
        requestDone = req instanceof LastHttpContent;
        HttpHeaders h = req.headers();
        int fields = HeaderScan.scan(h);
        expectBody = expectsBody(req, fields);
        if (req.decoderResult().isFailure()) {
            ReferenceCountUtil.release(req);
            clientKeepAlive = false;
            respondLocal(LocalResponses.statusForDecoderFailure(req.decoderResult().cause()),
                    "malformed request", true, 0);
            return;
        }
        String uri = req.uri();
        if (uri.length() > context.limits().maxUriLength()) {
            clientKeepAlive = false;
            respondLocal(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request target too long", true, 0);
            return;
        }
        http10 = req.protocolVersion().minorVersion() == 0;
        clientKeepAlive = isKeepAlive(req, fields);
        HttpMethod method = req.method();
        headRequest = HttpMethod.HEAD.equals(method);
        idempotent = headRequest || HttpMethod.GET.equals(method) || HttpMethod.OPTIONS.equals(method)
                || HttpMethod.PUT.equals(method) || HttpMethod.DELETE.equals(method) || HttpMethod.TRACE.equals(method);
        path = HttpPaths.pathOf(uri);
        guardAdmitted = true;
        if ((fields & HeaderScan.EXPECT) != 0 && HttpUtil.is100ContinueExpected(req)) {
            // Answered here, after the guards: a refused request is not invited to send its body.
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER), ctx.voidPromise());
            h.remove(HttpHeaderNames.EXPECT);
        }
        HopByHopHeaders.strip(h, fields);
        if ((fields & HeaderScan.X_FORWARDED_FOR) != 0) {
            h.set(X_FORWARDED_FOR, h.get(X_FORWARDED_FOR) + ", " + sourceText);
        } else {
            h.add(X_FORWARDED_FOR, sourceText);
        }
        if ((fields & HeaderScan.X_FORWARDED_PROTO) != 0) {
            h.set(X_FORWARDED_PROTO, HTTP);
        } else {
            h.add(X_FORWARDED_PROTO, HTTP);
        }
        if (!expectBody && !requestDone) {
            // No body: forward head and end as one message (one buffer, one write to the backend);
            // the decoder's empty end that follows is dropped on arrival.
            request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER, h,
                    EmptyHttpHeaders.INSTANCE);
            requestDone = true;
            dropEmptyEnd = true;
        } else {
            req.setProtocolVersion(HttpVersion.HTTP_1_1);
        }
        select(null, false, now);
    }

    private static boolean expectsBody(HttpRequest req, int fields) {
        return ((fields & HeaderScan.TRANSFER_ENCODING) != 0 && HttpUtil.isTransferEncodingChunked(req))
                || ((fields & HeaderScan.CONTENT_LENGTH) != 0 && HttpUtil.getContentLength(req, 0L) > 0);
    }

    /** {@link HttpUtil#isKeepAlive}, without the lookup when there is no Connection field. */
    private static boolean isKeepAlive(HttpMessage m, int fields) {
        return (fields & HeaderScan.CONNECTION) == 0 ? m.protocolVersion().isKeepAliveDefault() : HttpUtil.isKeepAlive(m);
    }

    /** Answers a request the guard stage refused: 429/403, or a closed connection. */
    private void beginRefused(RefusedRequest refused) {
        timeouts.headReceived();
        exchangeId++;
        startNanos = context.nanoClock().getAsLong();
        pool.counters().requestStarted();
        HttpRequest req = refused.request();
        request = req;
        requestDone = req instanceof LastHttpContent;
        int fields = HeaderScan.scan(req.headers());
        expectBody = expectsBody(req, fields);
        clientKeepAlive = isKeepAlive(req, fields);
        Verdict v = refused.verdict();
        int code = v.httpStatus();
        if (code == 0) {
            ReferenceCountUtil.release(req);
            closeAfter = true;
            finishExchange();
            ctx.close();
        } else {
            refusalRuleId = v.ruleId();
            respondLocal(HttpResponseStatus.valueOf(code), null, refused.close(), v.retryAfterSeconds());
        }
    }

    private void forwardBody(HttpContent c) {
        if (c.decoderResult().isFailure()) {
            ReferenceCountUtil.release(c);
            ctx.close();
            return;
        }
        int n = c.content().readableBytes();
        if (n > 0) {
            bodyForwarded = true;
            backend.counters().bytesIn(n);
        }
        if (c instanceof LastHttpContent) {
            requestDone = true;
        }
        backendChannel.write(c, backendChannel.voidPromise());
    }

    // ---------------------------------------------------------------- backend selection

    /** Picks a backend and connects; {@code exclude} is the backend a retry must avoid. */
    private void select(Backend exclude, boolean sameAllowed) {
        select(exclude, sameAllowed, context.nanoClock().getAsLong());
    }

    /** Picks a backend and connects; {@code now} is the current time (the caller had it at hand). */
    private void select(Backend exclude, boolean sameAllowed, long now) {
        state = State.SELECTING;
        Backend b = pool.pick(exclude, now);
        if (b == null && sameAllowed) {
            b = pool.pick(null, now);
        }
        backend = b;
        if (b == null) {
            respondLocal(HttpResponseStatus.SERVICE_UNAVAILABLE, "no backend available", false, 1);
            return;
        }
        if (b.state() == BackendState.PAUSED) {
            hold(b);
            return;
        }
        b.requestStarted();
        b.counters().requestStarted();
        backendCounted = true;
        backendStartNanos = now;
        inFlight.begin(path, backendStartNanos);
        EventLoop loop = ctx.channel().eventLoop();
        BackendAddress address = b.address();
        Channel pooled = b.connections().poll(loop, address);
        if (pooled != null) {
            attach(pooled);
        } else {
            connect(b, address, loop);
        }
        int spares = pool.config().spareConnections();
        if (spares > 0) {
            SpareConnections.topUp(context.connector(), b, loop, spares);
        }
    }

    private void connect(Backend b, BackendAddress address, EventLoop loop) {
        int id = exchangeId;
        ChannelFuture f = context.connector().connect(loop, address.socketAddress(), new HttpBackendPipeline(b));
        f.addListener((ChannelFutureListener) future -> {
            Channel ch = future.channel();
            if (future.isSuccess()) {
                BackendConnections.tag(ch, address);
                b.counters().connectionOpened();
            }
            if (closed || id != exchangeId || state != State.SELECTING || backend != b) {
                ch.close();
                return;
            }
            if (future.isSuccess()) {
                attach(ch);
            } else {
                onBackendFailure();
            }
        });
    }

    private void attach(Channel ch) {
        backendChannel = ch;
        backendHandler = ch.pipeline().get(HttpBackendHandler.class);
        backendHandler.bind(this);
        state = State.STREAMING;
        HttpRequest req = request;
        if (req instanceof FullHttpRequest full && full.content().isReadable()) {
            bodyForwarded = true; // a body that went with the head (ours have none: they can be retried)
        }
        ch.write(req, ch.voidPromise());
        while (!requestDone && !pending.isEmpty() && !(pending.peek() instanceof HttpRequest)) {
            forwardBody((HttpContent) pending.poll());
            if (closed) {
                return;
            }
        }
        if (!reading) {
            ch.flush(); // else channelReadComplete flushes, together with what else this read brought
        }
        ch.read();
        if (!requestDone && ch.isWritable()) {
            readClient();
        }
    }

    /** Holds the request while its backend is paused: until it is released, or the deadline passes. */
    private void hold(Backend b) {
        PauseWaiter w = new PauseWaiter(b, exchangeId, ctx.channel().eventLoop());
        if (!b.pauseQueue().offer(w)) {
            backend = null;
            respondLocal(HttpResponseStatus.SERVICE_UNAVAILABLE, "backend paused and its queue is full", false, 1);
            return;
        }
        pauseWaiter = w;
        w.deadline = ctx.executor().schedule(w::onDeadline, pool.pauseDeadlineNanos(), TimeUnit.NANOSECONDS);
        if (b.state() != BackendState.PAUSED) {
            b.pauseQueue().releaseAll(); // resumed between pick and offer
        }
    }

    private final class PauseWaiter implements Runnable {
        final Backend backend;
        final int id;
        final EventLoop loop;
        ScheduledFuture<?> deadline;

        PauseWaiter(Backend backend, int id, EventLoop loop) {
            this.backend = backend;
            this.id = id;
            this.loop = loop;
        }

        /** Called by whoever releases the queue, on any thread. */
        @Override
        public void run() {
            loop.execute(this::onReleased);
        }

        private boolean current() {
            return pauseWaiter == this && exchangeId == id && !closed;
        }

        private void onReleased() {
            if (!current()) {
                return;
            }
            pauseWaiter = null;
            deadline.cancel(false);
            select(null, false);
        }

        private void onDeadline() {
            if (!current() || !backend.pauseQueue().remove(this)) {
                return; // released meanwhile: onReleased is on its way
            }
            pauseWaiter = null;
            if (idempotent && !retried) {
                retried = true;
                select(backend, false);
            } else {
                HttpProxyHandler.this.backend = null;
                respondLocal(HttpResponseStatus.SERVICE_UNAVAILABLE, "backend paused past the deadline", false, 1);
            }
        }
    }

    // ---------------------------------------------------------------- response side (backend events)

    void onBackendMessage(Object msg) {
        if (msg instanceof HttpResponse r) {
            onResponseHead(r);
        } else if (msg instanceof HttpContent c) {
            onResponseContent(c);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onResponseHead(HttpResponse r) {
        if (r.decoderResult().isFailure()) {
            ReferenceCountUtil.release(r);
            backendReusable = false;
            onBackendFailure();
            return;
        }
        int code = r.status().code();
        if (code < 200) {
            informational = true; // 1xx: we answered 100-continue ourselves; drop the backend's
            return;
        }
        informational = false;
        responseStarted = true;
        status = code;
        HttpHeaders h = r.headers();
        int fields = HeaderScan.scan(h);
        backendReusable = isKeepAlive(r, fields); // and, checked at the end, the request body all sent
        boolean chunked = HopByHopHeaders.strip(h, fields);
        // A backend may answer while the request body still flows (echo, streaming): whether the
        // connection can stay open is known only at the end (see onResponseContent).
        boolean keepAlive = clientKeepAlive;
        boolean bodyless = headRequest || code == 204 || code == 304;
        if (!bodyless && !chunked && (fields & HeaderScan.CONTENT_LENGTH) == 0) {
            keepAlive = false; // body ends at the backend's close: so must ours
            backendReusable = false;
        }
        if (chunked && http10) {
            h.remove(HttpHeaderNames.TRANSFER_ENCODING); // HTTP/1.0 has no chunks: delimit by close
            keepAlive = false;
        }
        if (!keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        closeAfter = !keepAlive;
        heldHead = r; // written with the body's end if it comes in this read, else at the read's end
    }

    /** Writes the response head still held, if any. */
    private void writeHeldHead() {
        HttpResponse r = heldHead;
        if (r != null) {
            heldHead = null;
            ctx.write(r, ctx.voidPromise());
            unflushed = true;
        }
    }

    private void onResponseContent(HttpContent c) {
        if (informational || !responseStarted) {
            ReferenceCountUtil.release(c);
            if (c instanceof LastHttpContent) {
                informational = false;
            }
            return;
        }
        if (c.decoderResult().isFailure()) {
            // Truncated by the backend: the client cannot be given a complete answer.
            ReferenceCountUtil.release(c);
            backendReusable = false;
            backend.counters().error();
            finishBackend(-1);
            writeHeldHead();
            ctx.flush();
            ctx.close();
            return;
        }
        backend.counters().bytesOut(c.content().readableBytes());
        if (c instanceof LastHttpContent last) {
            responseDone = true;
            if (!requestDone) {
                closeAfter = true; // answered before the request ended: the rest of it cannot be framed
            }
            // account first, so that whoever reads the figures after the client got its answer sees it
            long now = context.nanoClock().getAsLong();
            long latency = now - backendStartNanos;
            backend.counters().response(status, latency);
            if (status >= 500) {
                pool.outliers().onFailure(backend);
            } else {
                pool.outliers().onSuccess(backend);
            }
            finishBackend(latency, now);
            Object out = c;
            HttpResponse head = heldHead;
            if (head != null) {
                heldHead = null; // head and whole body in one message: one buffer, one write
                out = new DefaultFullHttpResponse(head.protocolVersion(), head.status(), last.content(), head.headers(),
                        last.trailingHeaders());
            }
            timeouts.activityAt(now); // the write below needs no clock read of its own
            unflushed = false;
            if (closeAfter) {
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(out, ctx.voidPromise());
            }
            finishExchange(now);
        } else {
            writeHeldHead();
            ctx.write(c, ctx.voidPromise());
            unflushed = true;
        }
    }

    void onBackendReadComplete() {
        writeHeldHead();
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        if (backendChannel != null && ctx.channel().isWritable()) {
            backendChannel.read();
        }
    }

    void onBackendWritable() {
        if (state == State.STREAMING && !requestDone) {
            readClient();
        }
    }

    /** The backend connection closed while serving us. */
    void onBackendClosed(Channel ch) {
        if (ch != backendChannel) {
            return;
        }
        backendChannel = null;
        backendHandler = null;
        if (state != State.STREAMING || responseDone) {
            return;
        }
        if (!responseStarted) {
            onBackendFailure();
        } else {
            backend.counters().error();
            finishBackend(-1);
            writeHeldHead();
            ctx.flush();
            ctx.close();
        }
    }

    /** Connect failure, reset before any response, or a malformed response head. */
    private void onBackendFailure() {
        Backend failed = backend;
        pool.outliers().onFailure(failed);
        finishBackend(-1);
        if (!closed && !responseStarted && idempotent && !retried && !bodyForwarded) {
            retried = true;
            select(failed, true);
            return;
        }
        failed.counters().error();
        backend = null;
        backendFailed = true;
        respondLocal(HttpResponseStatus.BAD_GATEWAY, "backend failed", false, 0);
    }

    // ---------------------------------------------------------------- endings

    /** Answers locally; drops the rest of the request body, or closes when the body is still coming. */
    private void respondLocal(HttpResponseStatus status, String text, boolean forceClose, int retryAfterSeconds) {
        state = State.LOCAL;
        while (!requestDone && !pending.isEmpty() && !(pending.peek() instanceof HttpRequest)) {
            Object m = pending.poll();
            if (m instanceof LastHttpContent) {
                requestDone = true;
            }
            ReferenceCountUtil.release(m);
        }
        // A request without a body is complete: its empty end, still to come, is dropped by begin().
        boolean close = forceClose || !clientKeepAlive || (!requestDone && expectBody);
        this.status = status.code();
        responseStarted = true;
        responseDone = true;
        closeAfter = close;
        if (!backendFailed) {
            pool.counters().response(status.code(), -1);
        }
        if (closed) {
            finishExchange();
            return;
        }
        var response = refusalRuleId != null
                ? LocalResponses.refusal(status, refusalRuleId, close, retryAfterSeconds)
                : LocalResponses.create(status, text, close, retryAfterSeconds);
        if (close) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response, ctx.voidPromise());
        }
        finishExchange();
    }

    /** Ends our use of the backend: outstanding count, connection back to the pool or closed. */
    private void finishBackend(long latencyNanos) {
        finishBackend(latencyNanos, context.nanoClock().getAsLong());
    }

    private void finishBackend(long latencyNanos, long now) {
        Backend b = backend;
        if (backendCounted) {
            backendCounted = false;
            b.requestFinished(latencyNanos, now);
            b.counters().requestFinished();
        }
        Channel ch = backendChannel;
        if (ch != null) {
            backendChannel = null;
            backendHandler.unbind();
            backendHandler = null;
            if (!(backendReusable && responseDone && requestDone
                    && b.connections().offer(ch.eventLoop(), ch, b.address()))) {
                ch.close();
            }
        }
    }

    /** Ends the exchange and starts on the next request, if the connection stays open. */
    private void finishExchange() {
        finishExchange(guardAdmitted ? context.nanoClock().getAsLong() : 0);
    }

    /** {@link #finishExchange()} at {@code now}, the time the caller read last. */
    private void finishExchange(long now) {
        pool.counters().requestFinished();
        inFlight.end();
        if (guardAdmitted) {
            hooks.onRequestDone(source, path, status > 0 && backend != null ? now - backendStartNanos : -1, now);
        }
        boolean close = closeAfter;
        resetExchange();
        if (close || closed) {
            closing = true; // nothing more is read or answered on this connection
            releasePending();
            return;
        }
        timeouts.awaitingHead();
        processNext();
    }

    /** Starts on the next pipelined request if one is waiting, else reads more. */
    private void processNext() {
        Object next = pending.poll();
        if (next != null) {
            begin(next);
        } else if (inputShutdown) {
            ctx.close();
        } else if (!readRequested) { // usually asked for already, at the end of the read that brought this request
            readClient();
        }
    }

    /** The client went away mid-exchange: let go of everything. */
    private void abortExchange() {
        PauseWaiter w = pauseWaiter;
        if (w != null) {
            pauseWaiter = null;
            w.backend.pauseQueue().remove(w);
            if (w.deadline != null) {
                w.deadline.cancel(false);
            }
        }
        if (backend != null && backendChannel != null) {
            backendReusable = false;
        }
        // The backend worked on the request at least this long: a request that outlives its
        // client's patience (a crafted, expensive one) must not hide its cost from the telemetry.
        long now = context.nanoClock().getAsLong();
        long backendNanos = backendCounted ? now - backendStartNanos : -1;
        inFlight.end();
        if (backend != null) {
            finishBackend(-1);
        }
        if (state == State.LOCAL) {
            return; // finishExchange already ran
        }
        pool.counters().requestFinished();
        if (guardAdmitted) {
            hooks.onRequestDone(source, path, backendNanos, now);
        }
        resetExchange();
    }

    private void resetExchange() {
        state = State.IDLE;
        exchangeId++;
        request = null;
        path = null;
        requestDone = false;
        bodyForwarded = false;
        responseStarted = false;
        responseDone = false;
        informational = false;
        expectBody = false;
        closeAfter = false;
        backendReusable = false;
        retried = false;
        guardAdmitted = false;
        backendFailed = false;
        refusalRuleId = null;
        status = 0;
        backend = null;
        if (heldHead != null) {
            ReferenceCountUtil.release(heldHead);
            heldHead = null;
        }
    }

    private void readClient() {
        readRequested = true;
        ctx.read();
    }

    private void releasePending() {
        Object m;
        while ((m = pending.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
    }
}
