package org.vmshield.report.phase;

/**
 * Names a half-open span of the run, [startMs, endMs).
 *
 * @param startMs the first instant inside, in ms from the start of the run
 * @param endMs   the first instant after
 */
public record TimeWindow(long startMs, long endMs) {

    /** Validates the window: 0 <= startMs <= endMs. */
    public TimeWindow {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException(String.format(
                    "time window [%d, %d) ms (expected: 0 <= start <= end)", startMs, endMs));
        }
    }

    /**
     * Returns whether the per-second sample of {@code second} belongs to this window: it does when
     * its midpoint, second + 0.5 s, lies in [startMs, endMs). So every second belongs to exactly one of
     * windows that partition the run, the one holding most of it.
     */
    public boolean containsSecond(int second) {
        long midpointMs = second * 1000L + 500;
        return midpointMs >= startMs && midpointMs < endMs;
    }

    /** Returns the window's length in ms. */
    public long lengthMs() {
        return endMs - startMs;
    }
}
