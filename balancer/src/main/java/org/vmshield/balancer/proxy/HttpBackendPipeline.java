package org.vmshield.balancer.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpClientCodec;
import org.vmshield.balancer.pool.Backend;

/** Builds the pipeline of an HTTP backend connection: the client codec, then {@link HttpBackendHandler}. */
final class HttpBackendPipeline extends ChannelInitializer<Channel> {
    private final Backend backend;

    HttpBackendPipeline(Backend backend) {
        this.backend = backend;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast("codec", new HttpClientCodec(4096, 65536, 16384));
        ch.pipeline().addLast("backend", new HttpBackendHandler(backend));
    }
}
