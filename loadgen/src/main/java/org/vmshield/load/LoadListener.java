package org.vmshield.load;

import org.vmshield.load.stats.SecondFigures;

/**
 * Receives a run's figures as they come. Called on one dedicated thread, in order, never on the
 * load thread, so a slow listener cannot disturb the load; the run's completion waits for it.
 */
public interface LoadListener {
    /** Ignores everything. */
    LoadListener NONE = new LoadListener() {};

    /** Receives the figures of one second, just after the second ended. */
    default void onSecond(SecondFigures figures) {}

    /** Receives the final report, before the run's completion future completes. */
    default void onFinish(LoadReport report) {}
}
