package org.vmshield.balancer.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import org.vmshield.balancer.pool.Backend;
import org.vmshield.balancer.pool.BackendAddress;
import org.vmshield.balancer.pool.BackendConnections;

/**
 * Opens a pool's spare backend connections ({@code spareConnections}) ahead of need, on the loop
 * that will use them: a request that finds a connection idle does not wait for the backend to
 * accept one (a VM's server forks a handler per connection: ~15 ms on a 0.5-core host against ~3
 * ms for a request on an open connection, docs/balancer.md).
 */
final class SpareConnections {
    private SpareConnections() {}

    /** Opens one more idle connection to {@code b} on {@code loop} when fewer than {@code spares} are idle there. */
    static void topUp(BackendConnector connector, Backend b, EventLoop loop, int spares) {
        BackendConnections idle = b.connections();
        if (!idle.claimSpare(loop, spares)) {
            return;
        }
        BackendAddress address = b.address();
        connector.connect(loop, address.socketAddress(), new HttpBackendPipeline(b)).addListener(
                (ChannelFutureListener) f -> {
                    idle.spareOpened(loop);
                    if (!f.isSuccess()) {
                        return; // the next request's own connect sees the failure and answers for it
                    }
                    Channel ch = f.channel();
                    BackendConnections.tag(ch, address);
                    b.counters().connectionOpened();
                    if (idle.offer(loop, ch, b.address())) {
                        ch.read(); // watched while idle, so that a close by the backend is seen at once
                    } else {
                        ch.close(); // the address changed meanwhile, or the backend was removed
                    }
                });
    }
}
