package org.vmshield.report.model;

/** Names what happened at a {@link RunEvent}: the markers drawn on every chart. */
public enum EventKind {
    INCIDENT_OPENED("incident opened"),
    INCIDENT_RESOLVED("incident resolved"),
    ACTION_STARTED("action started"),
    /** A mitigation action completed and was verified; the first one at or after onset opens the mitigated phase. */
    ACTION_FINISHED("action finished"),
    ACTION_FAILED("action failed");

    private final String text;

    EventKind(String text) {
        this.text = text;
    }

    /** Returns the kind in words, as shown in reports. */
    public String text() {
        return text;
    }

    /** Returns the kind's name in report.json: lower case, words joined by '-'. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Returns the kind named {@code jsonName} in report.json. */
    public static EventKind fromJsonName(String jsonName) {
        for (EventKind kind : values()) {
            if (kind.jsonName().equals(jsonName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("event kind: " + jsonName
                + " (expected: one of incident-opened, incident-resolved, action-started, action-finished, action-failed)");
    }
}
