package org.vmshield.balancer.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run measured.
 *
 * @param rps requests per second (any status)
 * @param p99Ms 99th percentile latency in milliseconds
 * @param requests requests completed
 * @param non2xx responses with a status other than 2xx/3xx
 * @param socketErrors connect, read, write and timeout errors together
 */
public record WrkResult(double rps, double p99Ms, long requests, long non2xx, long socketErrors) {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P99 = Pattern.compile("(?m)^\\s*99%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /**
     * Parses the output of {@code wrk --latency}.
     *
     * @throws IllegalArgumentException when the figures are missing
     */
    public static WrkResult parse(String out) {
        Matcher rps = RPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rps.find() || !p99.find() || !total.find()) {
            throw new IllegalArgumentException("wrk output: no Requests/sec, 99% latency or total (expected: the output of"
                    + " wrk --latency); got:\n" + out);
        }
        double v = Double.parseDouble(p99.group(1));
        double ms = switch (p99.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
        Matcher n = NON2XX.matcher(out);
        Matcher e = ERRORS.matcher(out);
        long errors = 0;
        if (e.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(e.group(i));
            }
        }
        return new WrkResult(Double.parseDouble(rps.group(1)), ms, Long.parseLong(total.group(1)),
                n.find() ? Long.parseLong(n.group(1)) : 0, errors);
    }

    /** Returns the share of responses that were not 2xx/3xx (0..1). */
    public double non2xxShare() {
        return requests == 0 ? 0 : Math.min(1.0, (double) non2xx / requests);
    }
}
