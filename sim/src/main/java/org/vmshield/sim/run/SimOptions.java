package org.vmshield.sim.run;

import java.util.function.Consumer;

/**
 * How to run a scenario.
 *
 * @param seed random seed (traffic noise)
 * @param durationMillis simulated time; 0 for the scenario's own duration
 * @param mitigation carry out the brain's plans (false: detect only, act on nothing)
 * @param progress receives a progress line every tenth of the run; null for none
 */
public record SimOptions(long seed, long durationMillis, boolean mitigation, Consumer<String> progress) {
    public SimOptions {
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis: %s (expected: >= 0)".formatted(durationMillis));
        }
    }

    /** Returns options with mitigation on, the scenario's duration and no progress output. */
    public static SimOptions of(long seed) {
        return new SimOptions(seed, 0, true, null);
    }

    /** Returns a copy with mitigation on or off. */
    public SimOptions withMitigation(boolean on) {
        return new SimOptions(seed, durationMillis, on, progress);
    }

    /** Returns a copy with another simulated duration. */
    public SimOptions withDurationMillis(long millis) {
        return new SimOptions(seed, millis, mitigation, progress);
    }
}
