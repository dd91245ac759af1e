package org.vmshield.report.phase;

import java.util.List;
import java.util.TreeSet;
import org.vmshield.report.model.ServiceSecond;

/**
 * Estimates a latency percentile over many seconds from each second's count, p50 and p99, when no
 * histogram of the whole span exists. Each second is modelled as a distribution whose CDF is linear
 * from (0 ms, 0) to (p50, 0.5) and to (p99, 0.99), with its last 1% at p99; the seconds are mixed in
 * proportion to their completed requests and the mixture's quantile is solved exactly (the CDF is
 * piecewise linear). A single second gives back its own p50 and p99; a span where a few seconds were
 * very slow gets a p99 within those seconds' range, not a plain average.
 */
final class LatencyMixture {
    private final List<ServiceSecond> seconds;
    private final double total;

    LatencyMixture(List<ServiceSecond> seconds) {
        this.seconds = seconds.stream().filter(s -> s.completed() > 0).toList();
        this.total = this.seconds.stream().mapToLong(ServiceSecond::completed).sum();
    }

    /** Returns the estimated latency at quantile {@code q} in (0, 1); NaN when nothing completed. */
    double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        TreeSet<Double> breakpoints = new TreeSet<>();
        breakpoints.add(0.0);
        for (ServiceSecond second : seconds) {
            breakpoints.add(second.p50Ms());
            breakpoints.add(second.p99Ms());
        }
        double previous = 0;
        double previousCdf = cdf(0);
        if (previousCdf >= q) {
            return 0;
        }
        for (double point : breakpoints.tailSet(0.0, false)) {
            double leftLimit = cdfLeftOf(point);
            if (leftLimit >= q) {
                // q is reached on the open segment (previous, point): the CDF is linear there.
                return previous + (q - previousCdf) / (leftLimit - previousCdf) * (point - previous);
            }
            double atPoint = cdf(point);
            if (atPoint >= q) {
                return point;
            }
            previous = point;
            previousCdf = atPoint;
        }
        return previous;
    }

    private double cdf(double x) {
        double sum = 0;
        for (ServiceSecond second : seconds) {
            sum += second.completed() * cdfOf(second, x, false);
        }
        return sum / total;
    }

    private double cdfLeftOf(double x) {
        double sum = 0;
        for (ServiceSecond second : seconds) {
            sum += second.completed() * cdfOf(second, x, true);
        }
        return sum / total;
    }

    /** Returns one second's CDF at x, or its limit from the left of x when {@code leftLimit}. */
    private static double cdfOf(ServiceSecond second, double x, boolean leftLimit) {
        double p50 = second.p50Ms();
        double p99 = second.p99Ms();
        if (leftLimit ? x > p99 : x >= p99) {
            return 1;
        }
        if (leftLimit ? x > p50 : x >= p50) {
            return 0.5 + 0.49 * (x - p50) / (p99 - p50);
        }
        return p50 == 0 ? 0 : 0.5 * x / p50;
    }
}
