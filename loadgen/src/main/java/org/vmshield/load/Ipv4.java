package org.vmshield.load;

/** Parses dotted IPv4 literals without any name lookup. */
final class Ipv4 {
    private Ipv4() {}

    /** Returns whether {@code text} is a dotted-quad IPv4 literal. */
    static boolean isLiteral(String text) {
        return text.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Parses {@code a.b.c.d} into a 32-bit int. */
    static int parse(String text) {
        if (!isLiteral(text)) {
            throw new IllegalArgumentException("address: " + text + " (expected: an IPv4 literal a.b.c.d)");
        }
        int value = 0;
        for (String part : text.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("address: " + text + " (expected: octets 0 to 255)");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static int toInt(byte[] b) {
        return ((b[0] & 255) << 24) | ((b[1] & 255) << 16) | ((b[2] & 255) << 8) | (b[3] & 255);
    }
}
