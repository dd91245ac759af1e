package org.vmshield.balancer.pool;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A backend's address: the text it was given as ({@code host:port}) and the resolved socket address.
 * Resolved once, off the event loops, so that connecting never blocks on DNS.
 */
public record BackendAddress(String text, InetSocketAddress socketAddress) {

    /** Parses and resolves {@code host:port} ({@code [v6]:port} for IPv6); throws IllegalArgumentException. */
    public static BackendAddress parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": " + text + " (expected: host:port)");
        }
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException(field + ": " + text + " (expected: host:port)");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": " + text + " (expected: host:port with a numeric port)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(field + ": " + text + " (expected: a port in 1..65535)");
        }
        try {
            return new BackendAddress(t, new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(field + ": " + text + " (expected: a resolvable host)");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
