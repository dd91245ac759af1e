package org.vmshield.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * One service under load: its name, its base URL, and its legitimate traffic.
 *
 * @param name the service name used in figures and reports ({@code [A-Za-z0-9_.-]+})
 * @param baseUrl {@code http://host:port} with an optional path prefix; host must pass {@link TargetPolicy}
 * @param legitRateRps the mean rate of legitimate requests (Poisson arrivals), &gt;= 0
 * @param paths the legitimate path mix
 */
public record ServiceTarget(String name, URI baseUrl, double legitRateRps, PathMix paths) {
    /** Validates the name, the URL (scheme, host policy, port) and the rate. */
    public ServiceTarget {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("service name: " + name + " (expected: letters, digits, _ . -)");
        }
        if (baseUrl == null || !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("target of " + name + ": " + baseUrl + " (expected: http://host:port)");
        }
        if (baseUrl.getPort() <= 0) {
            throw new IllegalArgumentException("target of " + name + ": " + baseUrl + " (expected: an explicit port)");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "target of " + name + ": " + baseUrl + " (expected: no query or fragment; use the path mix)");
        }
        TargetPolicy.check(baseUrl.getHost());
        if (!(legitRateRps >= 0) || Double.isInfinite(legitRateRps)) {
            throw new IllegalArgumentException("legitRateRps of " + name + ": " + legitRateRps + " (expected: >= 0)");
        }
        if (paths == null) {
            throw new IllegalArgumentException("paths of " + name + ": null (expected: a path mix)");
        }
    }

    /** Returns a target with the given name and URL, rate and the root path only. */
    public static ServiceTarget of(String name, String baseUrl, double legitRateRps) {
        return new ServiceTarget(name, parseUrl(name, baseUrl), legitRateRps, PathMix.ROOT);
    }

    /** Returns a copy with another path mix. */
    public ServiceTarget withPaths(PathMix mix) {
        return new ServiceTarget(name, baseUrl, legitRateRps, mix);
    }

    /** Returns the socket address to connect to. */
    public InetSocketAddress socketAddress() {
        InetAddress address = TargetPolicy.check(baseUrl.getHost());
        return new InetSocketAddress(address, baseUrl.getPort());
    }

    /** Returns whether the target is on loopback, where client addresses can be bound to 127.x.y.z. */
    public boolean isLoopback() {
        return socketAddress().getAddress().isLoopbackAddress();
    }

    /** Returns the request target for {@code path}: the URL's path prefix, then {@code path}. */
    public String requestTarget(String path) {
        String prefix = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + path;
    }

    /** Returns the value of the Host header. */
    public String hostHeader() {
        return baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    private static URI parseUrl(String name, String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target of " + name + ": " + text + " (expected: http://host:port)", e);
        }
    }
}
