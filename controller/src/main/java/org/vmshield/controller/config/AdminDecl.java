package org.vmshield.controller.config;

/**
 * The controller's admin API socket.
 *
 * @param bind address to bind (default 127.0.0.1)
 * @param port port (default 9700; 0 picks a free one)
 * @param token bearer token; required (at least 16 characters) when {@code bind} is not loopback
 */
public record AdminDecl(String bind, int port, String token) {
    /** Default port of the controller's admin API. */
    public static final int DEFAULT_PORT = 9700;
}
