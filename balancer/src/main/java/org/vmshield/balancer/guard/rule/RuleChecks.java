package org.vmshield.balancer.guard.rule;

import java.util.regex.Pattern;

/** Validates the fields every rule shares; messages name the field and what was expected. */
final class RuleChecks {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,99}");
    /** Longest TTL accepted: 30 days. */
    static final long MAX_TTL_SECONDS = 30L * 24 * 3600;
    /** Highest per-source or per-path rate accepted (the buckets keep microsecond precision). */
    static final double MAX_RATE_RPS = 1_000_000;
    /** Largest burst accepted. */
    static final int MAX_BURST = 1_000_000;

    private RuleChecks() {}

    static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: " + quote(id)
                    + " (expected: 1-100 characters of letters, digits and ._:@/-, starting with a letter or digit)");
        }
        return id;
    }

    static Long ttlSeconds(String id, Long ttlSeconds) {
        if (ttlSeconds != null && (ttlSeconds <= 0 || ttlSeconds > MAX_TTL_SECONDS)) {
            throw new IllegalArgumentException(
                    "rule " + id + ": ttlSeconds: " + ttlSeconds + " (expected: 1.." + MAX_TTL_SECONDS + " or absent)");
        }
        return ttlSeconds;
    }

    static double rate(String id, String field, double rateRps) {
        if (!(rateRps > 0) || rateRps > MAX_RATE_RPS) {
            throw new IllegalArgumentException(
                    "rule " + id + ": " + field + ": " + rateRps + " (expected: > 0 and <= " + (long) MAX_RATE_RPS + ")");
        }
        return rateRps;
    }

    static int burst(String id, Integer burst, double rateRps) {
        if (burst == null) {
            // Default: one second of traffic, at least one request.
            return (int) Math.max(1, Math.min(MAX_BURST, Math.ceil(rateRps)));
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException(
                    "rule " + id + ": burst: " + burst + " (expected: 1.." + MAX_BURST + ")");
        }
        return burst;
    }

    static int positive(String id, String field, Integer value, int max) {
        if (value == null || value < 1 || value > max) {
            throw new IllegalArgumentException(
                    "rule " + id + ": " + field + ": " + value + " (expected: 1.." + max + ")");
        }
        return value;
    }

    static String pool(String id, String pool) {
        if (pool != null && pool.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": pool: \"\" (expected: a pool name or absent)");
        }
        return pool;
    }

    static RefuseAction refuse(RefuseAction refuse, RefuseAction dflt) {
        return refuse == null ? dflt : refuse;
    }

    static int retryAfter(String id, Integer retryAfterSeconds, double rateRps) {
        if (retryAfterSeconds == null) {
            // The time one token takes to come back, at least one second (Retry-After counts whole seconds).
            return (int) Math.max(1, Math.min(3600, Math.ceil(1.0 / rateRps)));
        }
        if (retryAfterSeconds < 0 || retryAfterSeconds > 86_400) {
            throw new IllegalArgumentException(
                    "rule " + id + ": retryAfterSeconds: " + retryAfterSeconds + " (expected: 0..86400)");
        }
        return retryAfterSeconds;
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
