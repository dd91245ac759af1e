package org.vmshield.balancer.config;

import java.net.InetAddress;
import java.util.List;

/**
 * The admin API's socket.
 *
 * @param bind address to bind, default 127.0.0.1
 * @param port port, default 9901 (0 picks a free one)
 * @param token bearer token; required when {@code bind} is not a loopback address
 */
public record AdminConfig(String bind, Integer port, String token) {
    public AdminConfig {
        bind = bind == null ? "127.0.0.1" : bind;
        port = port == null ? 9901 : port;
    }

    /** Returns the defaults. */
    public static AdminConfig defaults() {
        return new AdminConfig(null, null, null);
    }

    /** Adds a message to {@code errors} for every invalid field. */
    public void validate(String at, List<String> errors) {
        Validation.range(at + ".port", port, 0, 65535, errors);
        try {
            InetAddress address = Validation.inetAddress(at + ".bind", bind);
            if (!address.isLoopbackAddress() && (token == null || token.length() < 16)) {
                errors.add(at + ".token: " + (token == null ? "absent" : "too short")
                        + " (expected: a bearer token of at least 16 characters when bind is not loopback)");
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
    }
}
