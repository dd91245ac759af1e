package org.vmshield.bench.controller;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of one controller heap run, beside issue 2's target.
 *
 * @param settings what was run
 * @param controller what the controller's JVM measured on itself; null when it reported nothing
 * @param childExitCode the controller JVM's exit code
 * @param outOfMemoryErrorsInLog {@code java.lang.OutOfMemoryError} lines in the controller's log
 * @param loadRequests legitimate requests sent through the balancer during the steady phase
 * @param loadSuccesses those answered 2xx
 * @param loadP99Ms their 99th percentile latency (the worst service's)
 * @param loadFailures the failed ones by kind, e.g. "timeout 2"; empty when none failed
 * @param loadAverageStart {@code /proc/loadavg} when the run started
 * @param loadAverageEnd {@code /proc/loadavg} when the steady phase ended
 * @param error why the run failed, empty when it did not
 */
public record HeapBenchResult(HeapBenchSettings settings, ChildFigures controller, int childExitCode,
        int outOfMemoryErrorsInLog, long loadRequests, long loadSuccesses, double loadP99Ms, String loadFailures,
        String loadAverageStart, String loadAverageEnd, String error) {
    /** Returns the target, in MiB. */
    @JsonProperty
    public int targetMiB() {
        return HeapBenchSettings.TARGET_HEAP_MIB;
    }

    /** Returns true when the run completed: the controller reported its figures and exited 0. */
    @JsonProperty
    public boolean completed() {
        return controller != null && childExitCode == 0 && error.isEmpty();
    }

    /** Returns the OutOfMemoryErrors seen, by the controller itself or in its log. */
    @JsonProperty
    public int outOfMemoryErrors() {
        return Math.max(outOfMemoryErrorsInLog, controller == null ? 0 : controller.outOfMemoryErrors());
    }

    /**
     * Returns true when the target is met: the run completed with every VM running, no
     * OutOfMemoryError, and the live heap (used after a full GC, the largest seen) within the target.
     */
    @JsonProperty
    public boolean targetMet() {
        return completed() && controller.vmsRunning() == controller.vmsConfigured() && outOfMemoryErrors() == 0
                && controller.usedAfterFullGcMaxMiB() <= targetMiB();
    }
}
