package org.vmshield.hypervisor.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An asynchronous event from QEMU, e.g. {@code MIGRATION}, {@code RESUME}, {@code SHUTDOWN}.
 *
 * @param name the event name as QEMU spells it
 * @param data the event's {@code "data"} member, or an empty object when QEMU sent none
 * @param timestampMicros QEMU's wall-clock timestamp of the event, in microseconds since the epoch
 */
public record QmpEvent(String name, JsonNode data, long timestampMicros) {
    /** Validates that name and data are present. */
    public QmpEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }
}
