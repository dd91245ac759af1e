package org.vmshield.load.schedule;

/**
 * Evenly paced arrivals, the sources taking turns: arrival {@code i} is sent by source
 * {@code i mod sources} at {@code i / rateRps}, so each source sends exactly every
 * {@code sources / rateRps} seconds and never bursts above its share.
 */
public final class PacedArrivals implements ArrivalProcess {
    private final double gapNanos;
    private final int sources;
    private long index;

    /** Creates the process. */
    public PacedArrivals(double rateRps, int sources) {
        if (!(rateRps > 0)) {
            throw new IllegalArgumentException("rateRps: " + rateRps + " (expected: > 0)");
        }
        if (sources <= 0) {
            throw new IllegalArgumentException("sources: " + sources + " (expected: > 0)");
        }
        this.gapNanos = 1e9 / rateRps;
        this.sources = sources;
    }

    @Override
    public Arrival next() {
        long i = index++;
        return new Arrival((long) (i * gapNanos), (int) (i % sources));
    }
}
