package org.vmshield.load;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides which addresses the generator may send to: loopback (127.0.0.0/8, {@code localhost})
 * and the project's own namespace subnet 10.213.0.0/24, nothing else, so that load never leaves
 * this machine.
 */
public final class TargetPolicy {
    /** The subnet of the network namespaces the project creates itself. */
    public static final String NAMESPACE_SUBNET = "10.213.0.0/24";
    private static final int NAMESPACE_NETWORK = Ipv4.parse("10.213.0.0");
    private static final String EXPECTED =
            "(expected: a loopback address in 127.0.0.0/8, localhost, or the project's namespace subnet "
                    + NAMESPACE_SUBNET + ")";

    private TargetPolicy() {}

    /**
     * Returns the address of {@code host} if load may be sent there; throws IllegalArgumentException
     * otherwise. Never performs a DNS lookup: only IPv4 literals and {@code localhost} are accepted.
     */
    public static InetAddress check(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("target host: missing " + EXPECTED);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return literal("127.0.0.1");
        }
        if (!Ipv4.isLiteral(host)) {
            throw new IllegalArgumentException("target host: " + host + " is not allowed " + EXPECTED);
        }
        int a = Ipv4.parse(host);
        boolean loopback = (a >>> 24) == 127;
        boolean namespace = (a & 0xFFFFFF00) == NAMESPACE_NETWORK;
        if (!loopback && !namespace) {
            throw new IllegalArgumentException("target host: " + host + " is not allowed " + EXPECTED);
        }
        return literal(host);
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("target host: " + host + " " + EXPECTED, e);
        }
    }
}
