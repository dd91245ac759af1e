package org.vmshield.balancer.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole balancer configuration, as read from YAML.
 *
 * @param listeners listening sockets, each sending to one pool
 * @param pools pools of backends
 * @param limits always-on limits
 * @param admin the admin API
 * @param guards initial guard rules, in the guard module's JSON/YAML form
 * @param ioThreads event-loop threads for proxied traffic, default the number of cores
 * @param snapshotIntervalMillis interval of the telemetry snapshot, default 1000
 */
public record BalancerConfig(
        List<ListenerConfig> listeners,
        List<PoolConfig> pools,
        LimitsConfig limits,
        AdminConfig admin,
        List<JsonNode> guards,
        Integer ioThreads,
        Long snapshotIntervalMillis) {
    public BalancerConfig {
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
        pools = pools == null ? List.of() : List.copyOf(pools);
        limits = limits == null ? LimitsConfig.defaults() : limits;
        admin = admin == null ? AdminConfig.defaults() : admin;
        guards = guards == null ? List.of() : List.copyOf(guards);
        ioThreads = ioThreads == null ? Runtime.getRuntime().availableProcessors() : ioThreads;
        snapshotIntervalMillis = snapshotIntervalMillis == null ? 1000L : snapshotIntervalMillis;
    }

    /** Returns the list of problems (empty when valid); guard rules are checked by the guard parser. */
    public List<String> problems() {
        List<String> errors = new java.util.ArrayList<>();
        Set<String> poolNames = new HashSet<>();
        for (int i = 0; i < pools.size(); i++) {
            PoolConfig p = pools.get(i);
            if (p == null) {
                errors.add("pools[" + i + "]: null (expected: a pool)");
                continue;
            }
            p.validate("pools[" + i + "]", errors);
            if (p.name() != null && !poolNames.add(p.name())) {
                errors.add("pools[" + i + "].name: " + p.name() + " (expected: unique)");
            }
        }
        Set<String> listenerNames = new HashSet<>();
        Set<String> sockets = new HashSet<>();
        for (int i = 0; i < listeners.size(); i++) {
            ListenerConfig l = listeners.get(i);
            String at = "listeners[" + i + "]";
            if (l == null) {
                errors.add(at + ": null (expected: a listener)");
                continue;
            }
            l.validate(at, errors);
            if (l.pool() != null && !poolNames.contains(l.pool())) {
                errors.add(at + ".pool: " + l.pool() + " (expected: the name of a pool in pools)");
            }
            if (l.name() != null && !listenerNames.add(l.name())) {
                errors.add(at + ".name: " + l.name() + " (expected: unique)");
            }
            if (l.port() != null && l.port() != 0 && !sockets.add(l.bind() + ":" + l.port())) {
                errors.add(at + ".port: " + l.port() + " (expected: not used by another listener on " + l.bind() + ")");
            }
        }
        limits.validate("limits", errors);
        admin.validate("admin", errors);
        Validation.range("ioThreads", ioThreads, 1, 256, errors);
        Validation.range("snapshotIntervalMillis", snapshotIntervalMillis, 10, 3_600_000, errors);
        return errors;
    }
}
