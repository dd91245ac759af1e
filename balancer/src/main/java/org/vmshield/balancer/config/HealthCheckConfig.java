package org.vmshield.balancer.config;

import java.util.List;

/**
 * Active HTTP health check of every backend of a pool.
 *
 * @param path request path, default {@code /}; a 2xx or 3xx answer is healthy
 * @param intervalMillis time between checks, default 2000
 * @param timeoutMillis time to wait for an answer, default 1000
 * @param rise consecutive successes to mark a backend healthy, default 2
 * @param fall consecutive failures to mark it unhealthy, default 3
 */
public record HealthCheckConfig(String path, Long intervalMillis, Long timeoutMillis, Integer rise, Integer fall) {
    public HealthCheckConfig {
        path = path == null ? "/" : path;
        intervalMillis = intervalMillis == null ? 2000L : intervalMillis;
        timeoutMillis = timeoutMillis == null ? 1000L : timeoutMillis;
        rise = rise == null ? 2 : rise;
        fall = fall == null ? 3 : fall;
    }

    /** Adds a message to {@code errors} for every invalid field. */
    public void validate(String at, List<String> errors) {
        if (!path.startsWith("/")) {
            errors.add(at + ".path: " + path + " (expected: a path starting with '/')");
        }
        Validation.range(at + ".intervalMillis", intervalMillis, 10, 3_600_000, errors);
        Validation.range(at + ".timeoutMillis", timeoutMillis, 1, 60_000, errors);
        Validation.range(at + ".rise", rise, 1, 100, errors);
        Validation.range(at + ".fall", fall, 1, 100, errors);
    }
}
