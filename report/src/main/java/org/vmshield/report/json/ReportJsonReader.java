package org.vmshield.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.HostCpuSecond;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;
import org.vmshield.report.model.VersionSwitch;

/** Reads report.json back into the records it was written from. */
public final class ReportJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJsonReader() {
    }

    /** Holds what a report.json contains: a run, and the baseline run of a compare. */
    public record Report(RunRecord run, Optional<RunRecord> baseline) {
    }

    /** Returns the run (and baseline) of the report.json at {@code file}, e.g. to re-render its report. */
    public static Report read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Returns the run (and baseline) written in {@code json}; throws IllegalArgumentException naming the
     * missing or wrong key when the text is not a report.json this version wrote.
     */
    public static Report read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report.json: not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("report.json: not a JSON object (expected: {\"schemaVersion\": 1, ...})");
        }
        int version = field(root, JsonKeys.SCHEMA, "").asInt(-1);
        if (version != JsonKeys.SCHEMA_VERSION) {
            throw new IllegalArgumentException(String.format(
                    "report.json: schemaVersion %s (expected: %d)", root.get(JsonKeys.SCHEMA), JsonKeys.SCHEMA_VERSION));
        }
        RunRecord run = readRun(root, "");
        Optional<RunRecord> baseline = root.hasNonNull(JsonKeys.BASELINE)
                ? Optional.of(readRun(root.get(JsonKeys.BASELINE), JsonKeys.BASELINE + "."))
                : Optional.empty();
        return new Report(run, baseline);
    }

    private static RunRecord readRun(JsonNode node, String path) {
        RunRecord.Builder b = RunRecord.builder()
                .scenario(text(node, "scenario", path))
                .attackKind(text(node, "attackKind", path))
                .mitigation(field(node, "mitigation", path).asBoolean())
                .durationMs(field(node, "durationMs", path).asLong())
                .attackWindow(field(node, "attackOnsetMs", path).asLong(), field(node, "attackEndMs", path).asLong())
                .legitRefused(field(node, "legitRefused", path).asLong());
        JsonNode detection = field(node, "detectionSeconds", path);
        if (!detection.isNull()) {
            b.detectionSeconds(detection.asDouble());
        }
        JsonNode firstAction = field(node, "firstActionSeconds", path);
        if (!firstAction.isNull()) {
            b.firstActionSeconds(firstAction.asDouble());
        }
        for (JsonNode m : field(node, "migrations", path)) {
            String p = path + "migrations[].";
            b.addMigration(new Migration(text(m, "vm", p), text(m, "from", p), text(m, "to", p),
                    field(m, "startMs", p).asLong(), field(m, "totalMs", p).asLong(), field(m, "downtimeMs", p).asLong()));
        }
        for (JsonNode v : field(node, "versionSwitches", path)) {
            String p = path + "versionSwitches[].";
            b.addVersionSwitch(new VersionSwitch(text(v, "vm", p), text(v, "from", p), text(v, "to", p),
                    field(v, "startMs", p).asLong(), field(v, "seconds", p).asDouble()));
        }
        for (JsonNode r : field(node, "rules", path)) {
            b.addRule(text(r, "id", path + "rules[]."), text(r, "description", path + "rules[]."));
        }
        readTimeSeries(b, field(node, JsonKeys.TIME_SERIES, path), path + JsonKeys.TIME_SERIES + ".");
        readExactPhases(b, node, path);
        return b.build();
    }

    private static void readTimeSeries(RunRecord.Builder b, JsonNode series, String path) {
        for (Map.Entry<String, JsonNode> service : field(series, JsonKeys.SERVICES, path).properties()) {
            b.service(service.getKey());
            String p = path + "services." + service.getKey() + "[].";
            for (JsonNode s : service.getValue()) {
                b.addServiceSecond(service.getKey(), new ServiceSecond(field(s, "second", p).asInt(),
                        field(s, "requests", p).asLong(), field(s, "successes", p).asLong(),
                        field(s, "failures", p).asLong(), number(s, "p50Ms", p), number(s, "p99Ms", p)));
            }
        }
        for (JsonNode s : field(series, "hostCpu", path)) {
            String p = path + "hostCpu[].";
            b.addHostCpu(new HostCpuSecond(field(s, "second", p).asInt(), text(s, "host", p),
                    field(s, "usedCores", p).asDouble(), field(s, "capacityCores", p).asDouble()));
        }
        for (JsonNode s : field(series, "attack", path)) {
            String p = path + "attack[].";
            b.addAttack(new AttackSecond(field(s, "second", p).asInt(),
                    field(s, "sentRps", p).asDouble(), field(s, "blockedRps", p).asDouble()));
        }
        for (JsonNode e : field(series, "events", path)) {
            String p = path + "events[].";
            b.addEvent(field(e, "atMs", p).asLong(), EventKind.fromJsonName(text(e, "kind", p)), text(e, "label", p));
        }
    }

    private static void readExactPhases(RunRecord.Builder b, JsonNode run, String path) {
        JsonNode services = field(run, JsonKeys.SERVICES, path);
        for (JsonNode entry : field(field(run, JsonKeys.TIME_SERIES, path), "exactPhases", path + JsonKeys.TIME_SERIES + ".")) {
            String service = text(entry, "service", path + "timeSeries.exactPhases[].");
            Phase phase = Phase.fromKey(text(entry, "phase", path + "timeSeries.exactPhases[]."));
            String p = path + "services." + service + ".phases." + phase.key() + ".";
            JsonNode stats = field(field(field(services, service, path + "services."), JsonKeys.PHASES,
                    path + "services." + service + "."), phase.key(), path + "services." + service + ".phases.");
            b.exactPhase(service, phase, new PhaseStats(field(stats, "requests", p).asLong(),
                    number(stats, "successRate", p), number(stats, "p50Ms", p), number(stats, "p99Ms", p),
                    field(stats, "estimated", p).asBoolean()));
        }
    }

    private static JsonNode field(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("report.json: " + path + key + " missing (expected: present)");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("report.json: " + path + key + ": " + value + " (expected: a string)");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (value.isNull()) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("report.json: " + path + key + ": " + value + " (expected: a number or null)");
        }
        return value.asDouble();
    }
}
