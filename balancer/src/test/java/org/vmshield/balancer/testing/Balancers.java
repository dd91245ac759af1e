package org.vmshield.balancer.testing;

import java.util.ArrayList;
import java.util.List;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.config.AdminConfig;
import org.vmshield.balancer.config.BackendConfig;
import org.vmshield.balancer.config.BalancerConfig;
import org.vmshield.balancer.config.HealthCheckConfig;
import org.vmshield.balancer.config.LimitsConfig;
import org.vmshield.balancer.config.ListenerConfig;
import org.vmshield.balancer.config.OutlierConfig;
import org.vmshield.balancer.config.PauseConfig;
import org.vmshield.balancer.config.PoolConfig;

/** Builds small balancers for tests: one pool "web" behind one listener "web" on port 0. */
public final class Balancers {
    private final List<BackendConfig> backends = new ArrayList<>();
    private String strategy = "round-robin";
    private String protocol = "http";
    private HealthCheckConfig health;
    private OutlierConfig outlier;
    private PauseConfig pause;
    private LimitsConfig limits;
    private String token;
    private Integer spares;

    /** Starts a builder. */
    public static Balancers builder() {
        return new Balancers();
    }

    /** Adds a backend. */
    public Balancers backend(String id, String address) {
        backends.add(new BackendConfig(id, address, null, null));
        return this;
    }

    /** Sets the strategy. */
    public Balancers strategy(String s) {
        strategy = s;
        return this;
    }

    /** Makes the listener TCP. */
    public Balancers tcp() {
        protocol = "tcp";
        return this;
    }

    /** Sets health checks. */
    public Balancers health(HealthCheckConfig h) {
        health = h;
        return this;
    }

    /** Sets outlier ejection. */
    public Balancers outlier(OutlierConfig o) {
        outlier = o;
        return this;
    }

    /** Sets pause handling. */
    public Balancers pause(PauseConfig p) {
        pause = p;
        return this;
    }

    /** Sets limits. */
    public Balancers limits(LimitsConfig l) {
        limits = l;
        return this;
    }

    /** Sets the pool's spare connections per backend. */
    public Balancers spares(int n) {
        spares = n;
        return this;
    }

    /** Sets the admin token. */
    public Balancers token(String t) {
        token = t;
        return this;
    }

    /** Returns the config. */
    public BalancerConfig config() {
        PoolConfig pool = new PoolConfig("web", "websvc", strategy, backends, health, outlier, pause, spares);
        ListenerConfig listener = new ListenerConfig("web", "127.0.0.1", 0, protocol, "web");
        return new BalancerConfig(List.of(listener), List.of(pool), limits, new AdminConfig("127.0.0.1", 0, token),
                List.of(), 1, 100L);
    }

    /** Starts the balancer. */
    public Balancer start() {
        return new Balancer(config()).start();
    }
}
