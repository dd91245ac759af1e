package org.vmshield.balancer.guard.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Turns a source address into a 64-bit key: an IPv4 address keeps its 32 bits (tagged so that it
 * cannot collide with IPv6), an IPv6 source is keyed by its /64 prefix, because one host usually
 * owns a whole /64 and could otherwise rotate addresses to get fresh buckets.
 */
public final class SourceKeys {
    /** Tag of IPv4 keys: ff00::/8 is multicast, never a source, so no IPv6 /64 key has it. */
    static final long V4_TAG = 0xFF00_0000_0000_0000L;

    /** Key of ::/64 (where ::1 lives), moved off 0 into the multicast range as well. */
    static final long V6_ZERO = 0xFF01_0000_0000_0000L;

    private SourceKeys() {}

    /** Returns the key of {@code address}; allocation-free for IPv4. */
    public static long of(InetAddress address) {
        if (address instanceof Inet4Address) {
            return ofV4(address.hashCode()); // Inet4Address.hashCode() is the address
        }
        byte[] b = address.getAddress();
        long hi = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (b[i] & 0xff);
        }
        return ofV6Prefix(hi);
    }

    /** Returns the key of an IPv4 address given as an int. */
    public static long ofV4(int address) {
        return V4_TAG | (address & 0xFFFFFFFFL);
    }

    /** Returns the key of an IPv6 address given its high 64 bits; never 0 (tables use 0 for "empty"). */
    public static long ofV6Prefix(long hi) {
        return hi == 0 ? V6_ZERO : hi;
    }

    /** Returns the text of a key: {@code 192.0.2.1} or {@code 2001:db8:0:1::/64}. */
    public static String toText(long key) {
        if ((key & 0xFFFF_FFFF_0000_0000L) == V4_TAG) {
            return ((key >>> 24) & 0xff) + "." + ((key >>> 16) & 0xff) + "." + ((key >>> 8) & 0xff) + "." + (key & 0xff);
        }
        if (key == V6_ZERO) {
            return "::/64";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Long.toHexString((key >>> (48 - 16 * i)) & 0xffff));
        }
        return sb.append("::/64").toString();
    }

    /** Mixes a key with a secret seed into a well-spread 64-bit hash (splitmix64's finalizer). */
    public static long hash(long key, long seed) {
        long z = key ^ seed;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
