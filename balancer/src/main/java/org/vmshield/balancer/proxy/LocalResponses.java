package org.vmshield.balancer.proxy;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** The answers the balancer writes itself: refusals, malformed requests, no backend. */
final class LocalResponses {
    private LocalResponses() {}

    /** Refusal bodies by rule id: refusals repeat the same few texts at attack rates, so encode each once. */
    private static final int MAX_CACHED_BODIES = 4096;
    private static final ConcurrentHashMap<String, byte[]> REFUSAL_BODIES = new ConcurrentHashMap<>();

    /** Returns the answer to a request refused by guard rule {@code ruleId}. */
    static FullHttpResponse refusal(HttpResponseStatus status, String ruleId, boolean close, int retryAfterSeconds) {
        byte[] body = REFUSAL_BODIES.get(ruleId);
        if (body == null) {
            if (REFUSAL_BODIES.size() >= MAX_CACHED_BODIES) {
                REFUSAL_BODIES.clear(); // rule ids come and go; keep the cache bounded
            }
            body = ("refused by rule " + ruleId + "\n").getBytes(StandardCharsets.UTF_8);
            REFUSAL_BODIES.put(ruleId, body);
        }
        return create(status, body, close, retryAfterSeconds);
    }

    /** Returns a small text response; {@code retryAfterSeconds} > 0 adds Retry-After. */
    static FullHttpResponse create(HttpResponseStatus status, String text, boolean close, int retryAfterSeconds) {
        return create(status, (text + "\n").getBytes(StandardCharsets.UTF_8), close, retryAfterSeconds);
    }

    private static FullHttpResponse create(HttpResponseStatus status, byte[] body, boolean close, int retryAfterSeconds) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (close) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        if (retryAfterSeconds > 0) {
            r.headers().setInt(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds);
        }
        return r;
    }

    /** Returns the status for a request the decoder could not parse. */
    static HttpResponseStatus statusForDecoderFailure(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }
}
