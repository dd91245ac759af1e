package org.vmshield.balancer;

/**
 * A listener as the admin API and the Java API list it.
 *
 * @param name listener name
 * @param protocol http or tcp
 * @param bind bound address
 * @param port bound port
 * @param pool the pool it sends to
 */
public record ListenerView(String name, String protocol, String bind, int port, String pool) {}
