package org.vmshield.load.engine;

import io.netty.channel.Channel;
import java.util.concurrent.ScheduledFuture;
import org.vmshield.load.TrafficClass;

/** One request in flight: what it is, when it was due, and how it ends (once). */
final class Exchange {
    final String service;
    final TrafficClass trafficClass;
    final String target;
    final String host;
    final long scheduledNanos;
    final PoolKey key;
    final long timeoutNanos;
    ScheduledFuture<?> deadline;
    Channel channel;
    boolean done;

    Exchange(String service, TrafficClass trafficClass, String target, String host, long scheduledNanos, PoolKey key,
            long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
        this.service = service;
        this.trafficClass = trafficClass;
        this.target = target;
        this.host = host;
        this.scheduledNanos = scheduledNanos;
        this.key = key;
    }
}
