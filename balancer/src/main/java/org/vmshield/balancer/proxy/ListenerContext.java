package org.vmshield.balancer.proxy;

import java.util.function.LongSupplier;
import org.vmshield.balancer.config.LimitsConfig;
import org.vmshield.balancer.pool.Pool;

/**
 * What every connection of one listener shares: its pool, the guard/telemetry hooks of that pool,
 * the backend connector, the limits and the clock.
 */
public record ListenerContext(
        String listener, Pool pool, TrafficHooks hooks, BackendConnector connector, LimitsConfig limits,
        ConnectionLimits connectionLimits, LongSupplier nanoClock) {}
