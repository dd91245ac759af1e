package org.vmshield.controller;

import java.util.ArrayList;
import java.util.List;
import org.vmshield.balancer.config.AdminConfig;
import org.vmshield.balancer.config.BalancerConfig;
import org.vmshield.balancer.config.ListenerConfig;
import org.vmshield.balancer.config.PoolConfig;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.ServiceDecl;

/**
 * Derives the in-process balancer's configuration from the controller's: one pool per service
 * (backends are added as VMs start), one HTTP listener per service on 127.0.0.1, no active health
 * check (see below), the balancer's own admin API on a free loopback port, and
 * a telemetry interval equal to the control loop's tick.
 */
public final class BalancerSetup {
    /** Idle connections the balancer keeps open ahead of need to each VM, per event loop. */
    static final int SPARE_CONNECTIONS = 1;

    private BalancerSetup() {}

    /** Returns the balancer configuration for {@code config}. */
    public static BalancerConfig configFor(ControllerConfig config) {
        List<PoolConfig> pools = new ArrayList<>();
        List<ListenerConfig> listeners = new ArrayList<>();
        for (ServiceDecl s : config.services()) {
            // No active health check: an overloaded VM is slow, not dead, and ejecting the only backend of a
            // pool fails every request. The actuator checks a VM's health itself before it takes traffic.
            // One spare connection per VM and event loop: a guest's server forks a handler per connection,
            // ~15 ms on a 0.5-core host, which a request finding its connection busy would otherwise wait for.
            pools.add(new PoolConfig(s.pool(), s.name(), null, List.of(), null, null, null, SPARE_CONNECTIONS));
            listeners.add(new ListenerConfig(s.pool(), "127.0.0.1", s.listenPort(), "http", s.pool()));
        }
        return new BalancerConfig(listeners, pools, null, new AdminConfig("127.0.0.1", 0, null), List.of(),
                Math.min(2, Runtime.getRuntime().availableProcessors()), config.tickMillis());
    }
}
