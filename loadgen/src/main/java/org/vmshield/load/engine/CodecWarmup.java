package org.vmshield.load.engine;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Runs one request and one response through the HTTP client codec in memory before a run starts,
 * so that class loading in a cold JVM (hundreds of milliseconds on a busy machine) does not delay
 * the first real requests and show up as latency in the first second.
 */
final class CodecWarmup {
    private CodecWarmup() {}

    static void run() {
        EmbeddedChannel ch = new EmbeddedChannel(new HttpClientCodec());
        try {
            ch.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
            ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", StandardCharsets.US_ASCII));
            Object msg;
            while ((msg = ch.readOutbound()) != null) {
                ReferenceCountUtil.release(msg);
            }
            while ((msg = ch.readInbound()) != null) {
                ReferenceCountUtil.release(msg);
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
