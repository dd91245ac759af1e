package org.vmshield.balancer.config;

import java.util.List;
import java.util.Locale;

/**
 * One listening socket, sending what it accepts to one pool.
 *
 * @param name listener name, unique; default the pool name
 * @param bind address to bind, default 127.0.0.1
 * @param port port (0 picks a free one)
 * @param protocol {@code http} (HTTP/1.1 reverse proxy, default) or {@code tcp} (L4 proxy)
 * @param pool the pool it sends to
 */
public record ListenerConfig(String name, String bind, Integer port, String protocol, String pool) {
    public ListenerConfig {
        name = name == null ? pool : name;
        bind = bind == null ? "127.0.0.1" : bind;
        protocol = protocol == null ? "http" : protocol.toLowerCase(Locale.ROOT);
    }

    /** Returns true for the L4 TCP mode. */
    public boolean tcp() {
        return "tcp".equals(protocol);
    }

    /** Adds a message to {@code errors} for every invalid field. */
    public void validate(String at, List<String> errors) {
        Validation.name(at + ".name", name, errors);
        Validation.name(at + ".pool", pool, errors);
        if (port == null) {
            errors.add(at + ".port: null (expected: 0..65535)");
        } else {
            Validation.range(at + ".port", port, 0, 65535, errors);
        }
        if (!"http".equals(protocol) && !"tcp".equals(protocol)) {
            errors.add(at + ".protocol: " + protocol + " (expected: http or tcp)");
        }
        Validation.check(errors, () -> Validation.inetAddress(at + ".bind", bind));
    }
}
