package org.vmshield.balancer.proxy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The buffer allocator of proxied connections (client and backend sides): Netty's pooled allocator,
 * unless {@code -Dio.netty.allocator.type} names another. Netty 4.2's default (the adaptive
 * allocator) cost about 0.25 µs more CPU per proxied request here (docs/balancer.md, Performance
 * notes, fifth look).
 */
final class ProxyAllocator {
    private static final ByteBufAllocator ALLOCATOR = System.getProperty("io.netty.allocator.type") == null
            ? PooledByteBufAllocator.DEFAULT
            : ByteBufAllocator.DEFAULT;

    private ProxyAllocator() {}

    /** Returns the allocator for the channels of listeners and their backend connections. */
    static ByteBufAllocator get() {
        return ALLOCATOR;
    }
}
