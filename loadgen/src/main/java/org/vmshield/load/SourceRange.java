package org.vmshield.load;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of IPv4 loopback client addresses, such as 127.1.0.0/16: each load source binds its
 * connections to one address of the block, so the server sees many distinct clients.
 *
 * @param networkAddress the first address of the block, as a 32-bit int
 * @param prefixLength the CIDR prefix length (8 to 30)
 */
public record SourceRange(int networkAddress, int prefixLength) {
    /** Where legitimate clients come from. */
    public static final SourceRange LEGIT = parse("127.1.0.0/16");
    /** Where attackers come from. */
    public static final SourceRange ATTACK = parse("127.66.0.0/16");

    /** Validates that the block is aligned and inside 127.0.0.0/8. */
    public SourceRange {
        if (prefixLength < 8 || prefixLength > 30) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected: 8 to 30)");
        }
        int mask = -1 << (32 - prefixLength);
        if ((networkAddress & mask) != networkAddress) {
            throw new IllegalArgumentException("source range " + format(networkAddress) + "/" + prefixLength
                    + ": host bits set (expected: an aligned network address such as 127.1.0.0/16)");
        }
        if ((networkAddress >>> 24) != 127) {
            throw new IllegalArgumentException("source range " + format(networkAddress) + "/" + prefixLength
                    + ": not loopback (expected: inside 127.0.0.0/8)");
        }
    }

    /** Parses {@code a.b.c.d/len}; throws IllegalArgumentException with the expected form otherwise. */
    public static SourceRange parse(String cidr) {
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("source range: " + cidr + " (expected: a.b.c.d/len such as 127.1.0.0/16)");
        }
        int len;
        try {
            len = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("source range: " + cidr + " (expected: a.b.c.d/len such as 127.1.0.0/16)");
        }
        return new SourceRange(Ipv4.parse(parts[0]), len);
    }

    /** Returns how many usable addresses the block holds (the network and broadcast addresses excluded). */
    public int size() {
        return (1 << (32 - prefixLength)) - 2;
    }

    /** Returns the usable address at {@code index} (0-based), skipping the network address. */
    public InetAddress address(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("source index: " + index + " (expected: 0 to " + (size() - 1) + ")");
        }
        int a = networkAddress + 1 + index;
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: four bytes never need a lookup
        }
    }

    /** Returns whether {@code address} lies inside this block. */
    public boolean contains(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return false;
        }
        int a = Ipv4.toInt(b);
        int mask = -1 << (32 - prefixLength);
        return (a & mask) == networkAddress;
    }

    @Override
    public String toString() {
        return format(networkAddress) + "/" + prefixLength;
    }

    private static String format(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }
}
