package org.vmshield.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.HostCpuSecond;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RuleAdded;
import org.vmshield.report.model.RunEvent;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;
import org.vmshield.report.model.VersionSwitch;
import org.vmshield.report.phase.RunSummary;
import org.vmshield.report.phase.TimeWindow;

/** Writes report.json: a run's figures per phase, its actions, its time series, and its baseline if any. */
public final class ReportJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJsonWriter() {
    }

    /** Returns the text of report.json for {@code run}, with {@code baseline} under "baseline" if present. */
    public static String write(RunRecord run, Optional<RunRecord> baseline) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(JsonKeys.SCHEMA, JsonKeys.SCHEMA_VERSION);
        writeRun(root, run);
        baseline.ifPresent(base -> writeRun(root.putObject(JsonKeys.BASELINE), base));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRun(ObjectNode node, RunRecord run) {
        RunSummary summary = RunSummary.of(run);
        node.put("scenario", run.scenario());
        node.put("attackKind", run.attackKind());
        node.put("mitigation", run.mitigation());
        node.put("durationMs", run.durationMs());
        node.put("attackOnsetMs", run.attackOnsetMs());
        node.put("attackEndMs", run.attackEndMs());
        putOptional(node, "detectionSeconds", run.detectionSeconds());
        putOptional(node, "firstActionSeconds", run.firstActionSeconds());
        ObjectNode services = node.putObject(JsonKeys.SERVICES);
        summary.stats().forEach((service, byPhase) -> writePhases(
                services.putObject(service).putObject(JsonKeys.PHASES), byPhase, summary));
        ArrayNode migrations = node.putArray("migrations");
        for (Migration m : run.migrations()) {
            migrations.addObject().put("vm", m.vm()).put("from", m.from()).put("to", m.to())
                    .put("totalMs", m.totalMs()).put("downtimeMs", m.downtimeMs()).put("startMs", m.startMs());
        }
        ArrayNode switches = node.putArray("versionSwitches");
        for (VersionSwitch v : run.versionSwitches()) {
            switches.addObject().put("vm", v.vm()).put("from", v.from()).put("to", v.to())
                    .put("seconds", v.seconds()).put("startMs", v.startMs());
        }
        ArrayNode rules = node.putArray("rules");
        for (RuleAdded rule : run.rules()) {
            rules.addObject().put("id", rule.id()).put("description", rule.description());
        }
        node.put("legitRefused", run.legitRefused());
        writeTimeSeries(node.putObject(JsonKeys.TIME_SERIES), run);
    }

    private static void writePhases(ObjectNode phases, Map<Phase, PhaseStats> byPhase, RunSummary summary) {
        for (Phase phase : Phase.values()) {
            PhaseStats stats = byPhase.get(phase);
            ObjectNode p = phases.putObject(phase.key());
            p.put("requests", stats.requests());
            putNumber(p, "successRate", stats.successRate());
            putNumber(p, "p50Ms", stats.p50Ms());
            putNumber(p, "p99Ms", stats.p99Ms());
            p.put("estimated", stats.estimated());
            Optional<TimeWindow> window = summary.windows().window(phase);
            if (window.isPresent()) {
                p.put("startMs", window.get().startMs());
                p.put("endMs", window.get().endMs());
            } else {
                p.putNull("startMs");
                p.putNull("endMs");
            }
        }
    }

    private static void writeTimeSeries(ObjectNode series, RunRecord run) {
        ObjectNode services = series.putObject(JsonKeys.SERVICES);
        run.services().forEach((service, samples) -> {
            ArrayNode array = services.putArray(service);
            for (ServiceSecond s : samples) {
                ObjectNode o = array.addObject().put("second", s.second()).put("requests", s.requests())
                        .put("successes", s.successes()).put("failures", s.failures());
                putNumber(o, "p50Ms", s.p50Ms());
                putNumber(o, "p99Ms", s.p99Ms());
            }
        });
        ArrayNode cpu = series.putArray("hostCpu");
        for (HostCpuSecond s : run.hostCpu()) {
            cpu.addObject().put("second", s.second()).put("host", s.host())
                    .put("usedCores", s.usedCores()).put("capacityCores", s.capacityCores());
        }
        ArrayNode attack = series.putArray("attack");
        for (AttackSecond s : run.attack()) {
            attack.addObject().put("second", s.second()).put("sentRps", s.sentRps()).put("blockedRps", s.blockedRps());
        }
        ArrayNode events = series.putArray("events");
        for (RunEvent e : run.events()) {
            events.addObject().put("atMs", e.atMs()).put("kind", e.kind().jsonName()).put("label", e.label());
        }
        writeExactPhases(series, run.exactPhases());
    }

    /** Keeps which figures were exact, so that a re-read record gives the same summary. */
    private static void writeExactPhases(ObjectNode series, Map<String, Map<Phase, PhaseStats>> exact) {
        ArrayNode list = series.putArray("exactPhases");
        exact.forEach((service, byPhase) -> byPhase.forEach((phase, stats) -> list.add(
                list.objectNode().put("service", service).put("phase", phase.key()))));
    }

    private static void putOptional(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
