package org.vmshield.load;

import org.vmshield.load.engine.LoadEngine;

/** Starts load runs: the entry point of the load generator's API (used by the command, the demo, the tests). */
public final class LoadGenerator {
    private LoadGenerator() {}

    /** Starts {@code plan} and returns the running run. */
    public static LoadRun start(LoadPlan plan) {
        return start(plan, LoadListener.NONE);
    }

    /** Starts {@code plan}, reporting each second and the end to {@code listener}. */
    public static LoadRun start(LoadPlan plan, LoadListener listener) {
        return start(plan, listener, LoadClock.SYSTEM);
    }

    /** Starts {@code plan} measuring time with {@code clock} (monotonic nanoseconds). */
    public static LoadRun start(LoadPlan plan, LoadListener listener, LoadClock clock) {
        return new LoadRun(LoadEngine.start(plan, listener, clock));
    }
}
