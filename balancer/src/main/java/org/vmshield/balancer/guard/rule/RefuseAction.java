package org.vmshield.balancer.guard.rule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the balancer does with a request or connection a rule refuses. */
public enum RefuseAction {
    /** Answer {@code 429 Too Many Requests} with a {@code Retry-After} header. */
    STATUS_429("429"),
    /** Answer {@code 403 Forbidden}. */
    STATUS_403("403"),
    /** Close the connection without an answer. */
    CLOSE("close");

    private final String jsonName;

    RefuseAction(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the name used in YAML/JSON rules: {@code 429}, {@code 403} or {@code close}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** Parses {@code 429}, {@code 403} or {@code close} (case-insensitive). */
    @JsonCreator
    public static RefuseAction parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (RefuseAction a : values()) {
                if (a.jsonName.equals(t) || a.name().toLowerCase(Locale.ROOT).equals(t)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("refuse: " + text + " (expected: 429, 403 or close)");
    }
}
