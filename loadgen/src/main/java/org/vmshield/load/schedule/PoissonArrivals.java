package org.vmshield.load.schedule;

import java.util.Random;

/**
 * Poisson arrivals: exponential inter-arrival times with mean {@code 1 / rateRps}, each from a
 * source drawn uniformly, so each source is itself a Poisson process at {@code rateRps / sources}.
 */
public final class PoissonArrivals implements ArrivalProcess {
    private final double meanGapNanos;
    private final int sources;
    private final Random random;
    private double offsetNanos;

    /** Creates the process; {@code random} should be seeded for reproducible runs. */
    public PoissonArrivals(double rateRps, int sources, Random random) {
        if (!(rateRps > 0)) {
            throw new IllegalArgumentException("rateRps: " + rateRps + " (expected: > 0)");
        }
        if (sources <= 0) {
            throw new IllegalArgumentException("sources: " + sources + " (expected: > 0)");
        }
        this.meanGapNanos = 1e9 / rateRps;
        this.sources = sources;
        this.random = random;
    }

    @Override
    public Arrival next() {
        // inverse transform sampling; 1 - u is in (0, 1], so the log is finite
        offsetNanos += -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
        return new Arrival((long) offsetNanos, random.nextInt(sources));
    }
}
