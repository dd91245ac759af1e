package org.vmshield.balancer.pool;

import java.util.Locale;

/** The administrative state of a backend, as the controller or an operator sets it. */
public enum BackendState {
    /** Takes new requests. */
    ACTIVE,
    /** Takes no new requests; in-flight ones finish. */
    DRAINING,
    /** New requests wait in a bounded queue until the backend is active again or their deadline passes. */
    PAUSED,
    /** Takes no requests at all. */
    MAINTENANCE;

    /** Returns the lower-case name used in config, the admin API and telemetry. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower-case state name; throws IllegalArgumentException saying what was expected. */
    public static BackendState parse(String field, String text) {
        if (text != null) {
            for (BackendState s : values()) {
                if (s.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(
                field + ": " + text + " (expected: one of active, draining, paused, maintenance)");
    }
}
