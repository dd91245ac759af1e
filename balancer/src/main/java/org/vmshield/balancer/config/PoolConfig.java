package org.vmshield.balancer.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vmshield.balancer.pool.SelectionStrategy;

/**
 * One pool: the backends of one service.
 *
 * @param name pool name, unique
 * @param service the service it serves, default the pool name
 * @param strategy round-robin, least-outstanding or p2c-peak-ewma (default)
 * @param backends its backends (may be empty)
 * @param healthCheck active health check; none when absent
 * @param outlier passive outlier ejection settings
 * @param pause how requests to a paused backend are held
 * @param spareConnections idle connections kept open ahead of need to each backend, per event loop,
 *     default 0: a request that finds none idle opens one itself; for backends where a new
 *     connection is dear (a VM's server forks a handler per connection), a spare takes that off the
 *     request's path (Envoy's "preconnect")
 */
public record PoolConfig(
        String name,
        String service,
        String strategy,
        List<BackendConfig> backends,
        HealthCheckConfig healthCheck,
        OutlierConfig outlier,
        PauseConfig pause,
        Integer spareConnections) {
    /** The most spare connections a pool may ask for, per backend and event loop. */
    public static final int MAX_SPARE_CONNECTIONS = 16;

    public PoolConfig {
        service = service == null ? name : service;
        strategy = strategy == null ? SelectionStrategy.DEFAULT.wireName() : strategy;
        backends = backends == null ? List.of() : List.copyOf(backends);
        outlier = outlier == null ? OutlierConfig.defaults() : outlier;
        pause = pause == null ? PauseConfig.defaults() : pause;
        spareConnections = spareConnections == null ? 0 : spareConnections;
    }

    /** Creates a pool without spare connections. */
    public PoolConfig(String name, String service, String strategy, List<BackendConfig> backends,
            HealthCheckConfig healthCheck, OutlierConfig outlier, PauseConfig pause) {
        this(name, service, strategy, backends, healthCheck, outlier, pause, null);
    }

    /** Adds a message to {@code errors} for every invalid field. */
    public void validate(String at, List<String> errors) {
        Validation.name(at + ".name", name, errors);
        Validation.name(at + ".service", service, errors);
        Validation.check(errors, () -> SelectionStrategy.parse(at + ".strategy", strategy));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < backends.size(); i++) {
            BackendConfig b = backends.get(i);
            String bAt = at + ".backends[" + i + "]";
            if (b == null) {
                errors.add(bAt + ": null (expected: a backend)");
                continue;
            }
            b.validate(bAt, errors);
            if (b.id() != null && !ids.add(b.id())) {
                errors.add(bAt + ".id: " + b.id() + " (expected: unique in the pool)");
            }
        }
        if (healthCheck != null) {
            healthCheck.validate(at + ".healthCheck", errors);
        }
        outlier.validate(at + ".outlier", errors);
        pause.validate(at + ".pause", errors);
        Validation.range(at + ".spareConnections", spareConnections, 0, MAX_SPARE_CONNECTIONS, errors);
    }
}
