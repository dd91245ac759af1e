package org.vmshield.balancer.config;

import java.util.List;
import java.util.regex.Pattern;

/** Helpers that turn a failed check into a message naming the field and what was expected. */
final class Validation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Validation() {}

    static void name(String field, String value, List<String> errors) {
        if (value == null || !NAME.matcher(value).matches()) {
            errors.add(field + ": " + value + " (expected: 1-64 characters of letters, digits, '.', '_', '-')");
        }
    }

    static void range(String field, long value, long min, long max, List<String> errors) {
        if (value < min || value > max) {
            errors.add(field + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    static void check(List<String> errors, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
    }

    static java.net.InetAddress inetAddress(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: an IP address or host name)");
        }
        try {
            return java.net.InetAddress.getByName(value);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: an IP address or resolvable host name)");
        }
    }
}
