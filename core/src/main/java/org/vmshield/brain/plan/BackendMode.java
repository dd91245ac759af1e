package org.vmshield.brain.plan;

/** What {@link SetBackendState} does to a backend. */
public enum BackendMode {
    /** Take no new requests; finish the ones in flight. */
    DRAIN,
    /** Hold new requests for it briefly (e.g. during a migration's switch-over). */
    PAUSE,
    /** Back to active. */
    RESUME
}
