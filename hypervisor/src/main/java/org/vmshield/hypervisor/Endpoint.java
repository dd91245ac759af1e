package org.vmshield.hypervisor;

/** Where a VM's service listens: an address (IPv4 literal) and a TCP port. */
public record Endpoint(String host, int port) {
    /** Validates the endpoint. */
    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("endpoint host: " + host + " (expected: an address)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("endpoint port: " + port + " (expected: 1..65535)");
        }
    }

    /** Returns {@code host:port}. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
