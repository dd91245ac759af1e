package org.vmshield.report.model;

import java.util.Objects;

/**
 * Records an incident or action event of the run, drawn as a marker on the charts.
 *
 * @param atMs  when it happened, in ms from the start of the run
 * @param kind  what happened
 * @param label a short label, e.g. "http-flood on attacked" or "migrate attacked small→big"
 */
public record RunEvent(long atMs, EventKind kind, String label) {

    /** Validates the event: a time >= 0, a kind and a label. */
    public RunEvent {
        Checks.nonNegative("event atMs", atMs);
        Objects.requireNonNull(kind, "kind");
        Checks.text("event label", label);
    }
}
