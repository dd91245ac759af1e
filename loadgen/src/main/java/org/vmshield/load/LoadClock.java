package org.vmshield.load;

/** Supplies monotonic time in nanoseconds; injected so that schedules and latencies are testable. */
@FunctionalInterface
public interface LoadClock {
    /** The system's monotonic clock. */
    LoadClock SYSTEM = System::nanoTime;

    /** Returns the current monotonic time in nanoseconds (only differences are meaningful). */
    long nanoTime();
}
