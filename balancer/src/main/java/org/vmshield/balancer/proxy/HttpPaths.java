package org.vmshield.balancer.proxy;

/** Request-target helpers. */
final class HttpPaths {
    private HttpPaths() {}

    /** Returns the path of a request target, without the query (the same string when there is none). */
    static String pathOf(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
