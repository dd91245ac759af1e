package org.vmshield.bench.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * One line from the controller under test to the benchmark, on the child's standard output:
 * {@code @vmshield-bench KIND {json}}. Other lines (none are expected: logs go to standard error)
 * are not messages.
 *
 * @param kind what the line reports
 * @param body its figures
 */
record ChildMessage(Kind kind, JsonNode body) {
    static final String PREFIX = "@vmshield-bench ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a message reports. */
    enum Kind {
        /** A VM serves: {@code vm, host, done, total, seconds}. */
        BOOTED,
        /** A VM's boot failed and is tried again: {@code vm, attempt, message}. */
        RETRY,
        /** Every VM serves and the control loop runs: {@code ports {service: port}, bootSeconds, network, usedAfterBootMiB}. */
        READY,
        /** A status line of the steady phase: {@code second, ticks, failedTicks, usedMiB, peakUsedMiB}. */
        STATUS,
        /** The run's figures: a {@link ChildFigures}. */
        RESULT,
        /** The run failed: {@code message}. */
        ERROR
    }

    /** Returns the line that carries {@code body} as a message of {@code kind}. */
    static String format(Kind kind, Object body) {
        try {
            return PREFIX + kind.name() + " " + JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + kind + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Returns the message a line carries, or empty for a line that is not one (or is malformed). */
    static Optional<ChildMessage> parse(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        try {
            Kind kind = Kind.valueOf(rest.substring(0, space));
            return Optional.of(new ChildMessage(kind, JSON.readTree(rest.substring(space + 1))));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Returns the body as {@code type}. */
    <T> T as(Class<T> type) {
        try {
            return JSON.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(kind + " message is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
