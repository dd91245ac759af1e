package org.vmshield.balancer.guard.cidr;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block parsed from {@code a.b.c.d/len} or {@code x:y::z/len} (a bare
 * address is a /32 or /128). Addresses are kept as 128-bit numbers (two longs); an IPv4 block
 * uses only {@code lo}. Host bits beyond the prefix must be zero.
 *
 * @param v6 true for IPv6
 * @param hi high 64 bits of the first address (0 for IPv4)
 * @param lo low 64 bits of the first address (the IPv4 address as an unsigned int)
 * @param prefixLength prefix length (0..32 or 0..128)
 */
public record CidrBlock(boolean v6, long hi, long lo, int prefixLength) {
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern LENGTH = Pattern.compile("\\d{1,3}");

    /**
     * Parses a block without any name lookup.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static CidrBlock parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("\"" + text + "\" (expected: an address block such as 10.0.0.0/8)");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        boolean v6 = addr.indexOf(':') >= 0;
        if (!v6 && !V4.matcher(addr).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" (expected: an IPv4 or IPv6 block such as 10.0.0.0/8)");
        }
        if (v6 && !V6.matcher(addr).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" (expected: an IPv6 block such as 2001:db8::/32)");
        }
        byte[] b = v6 ? null : parseV4(addr);
        if (b == null) {
            try {
                // Literal addresses only (checked above), so this never resolves a name.
                b = InetAddress.getByName(addr).getAddress();
            } catch (UnknownHostException | RuntimeException e) {
                throw new IllegalArgumentException("\"" + text + "\" (expected: a valid IPv4 or IPv6 address)");
            }
        }
        // An IPv4-mapped literal (::ffff:a.b.c.d): the JDK turns it into IPv4; so do we.
        boolean mapped = v6 && b.length == 4;
        int max = v6 ? 128 : 32;
        int len = max;
        if (slash >= 0) {
            String l = t.substring(slash + 1);
            if (!LENGTH.matcher(l).matches() || Integer.parseInt(l) > max) {
                throw new IllegalArgumentException("\"" + text + "\" (expected: prefix length 0.." + max + ")");
            }
            len = Integer.parseInt(l);
        }
        if (mapped) {
            len = Math.max(0, len - 96);
            v6 = false;
        }
        long hi = 0;
        long lo = 0;
        if (b.length == 4) {
            lo = toInt(b, 0) & 0xFFFFFFFFL;
        } else {
            hi = toLong(b, 0);
            lo = toLong(b, 8);
        }
        CidrBlock block = new CidrBlock(v6, hi, lo, len);
        if (block.hi != (hi & block.maskHi()) || block.lo != (lo & block.maskLo())) {
            throw new IllegalArgumentException("\"" + text + "\" (expected: no address bits set beyond the /" + len
                    + " prefix, e.g. " + new CidrBlock(v6, hi & block.maskHi(), lo & block.maskLo(), len) + ")");
        }
        return block;
    }

    /** Parses dotted-quad digits (already checked by the pattern); null when a part exceeds 255. */
    private static byte[] parseV4(String addr) {
        byte[] b = new byte[4];
        int part = 0;
        int value = 0;
        for (int i = 0; i <= addr.length(); i++) {
            char c = i < addr.length() ? addr.charAt(i) : '.';
            if (c == '.') {
                if (value > 255) {
                    return null;
                }
                b[part++] = (byte) value;
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return b;
    }

    /** Returns the mask of the high 64 bits. */
    long maskHi() {
        if (!v6) {
            return 0;
        }
        return prefixLength == 0 ? 0 : prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
    }

    /** Returns the mask of the low 64 bits. */
    long maskLo() {
        if (!v6) {
            return prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
        }
        return prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
    }

    /** Returns the last address of the block, high bits. */
    long lastHi() {
        return hi | ~maskHi() & (v6 ? -1L : 0);
    }

    /** Returns the last address of the block, low bits. */
    long lastLo() {
        return lo | ~maskLo() & (v6 ? -1L : 0xFFFFFFFFL);
    }

    /** Returns true when the address is inside the block. */
    public boolean contains(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return !v6 && ((toInt(b, 0) & 0xFFFFFFFFL) & maskLo()) == lo;
        }
        return v6 && (toLong(b, 0) & maskHi()) == hi && (toLong(b, 8) & maskLo()) == lo;
    }

    static int toInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    static long toLong(byte[] b, int off) {
        return (toInt(b, off) & 0xFFFFFFFFL) << 32 | (toInt(b, off + 4) & 0xFFFFFFFFL);
    }

    @Override
    public String toString() {
        if (!v6) {
            return (lo >>> 24 & 0xff) + "." + (lo >>> 16 & 0xff) + "." + (lo >>> 8 & 0xff) + "." + (lo & 0xff) + "/"
                    + prefixLength;
        }
        byte[] b;
        if (v6) {
            b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (hi >>> (56 - 8 * i));
                b[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
        } else {
            b = new byte[] {(byte) (lo >>> 24), (byte) (lo >>> 16), (byte) (lo >>> 8), (byte) lo};
        }
        try {
            InetAddress a = InetAddress.getByAddress(b);
            String s = a instanceof Inet4Address ? a.getHostAddress() : compressV6(a.getHostAddress());
            return s + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shortens the JDK's full IPv6 text (1:0:0:0:0:0:0:0) to its canonical form (1::). */
    static String compressV6(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
    }
}
