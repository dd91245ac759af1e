package org.vmshield.demo.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmshield.controller.journal.ActionRecord;
import org.vmshield.controller.journal.ActionStatus;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.demo.run.MigrationRecord;
import org.vmshield.load.LoadReport;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.stats.SecondStats;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.HostCpuSecond;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;
import org.vmshield.report.model.VersionSwitch;
import org.vmshield.report.phase.PhaseWindows;
import org.vmshield.report.phase.TimeWindow;

/**
 * Builds the report's {@link RunRecord} from what one run measured: legitimate figures per second
 * and exact per-phase aggregates (merged latency histograms) from the load generator; host CPU and
 * attack rates from the live monitor; incidents, actions, rules and version switches from the
 * journal; migrations from the hypervisor. Detection and first action are counted from the attack
 * onset: the first attack incident opened, and the first action taken for an incident, at or after it.
 */
public final class RunAssembler {
    /** The scenario's name in the report. */
    public static final String SCENARIO = "canonical";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunAssembler() {}

    /** Returns the run's record. */
    public static RunRecord assemble(RunInputs in) {
        long durationMs = durationMs(in);
        RunRecord.Builder b = RunRecord.builder()
                .scenario(SCENARIO)
                .attackKind(in.attack())
                .mitigation(in.mitigation())
                .durationMs(durationMs)
                .attackWindow(in.timeline().onsetMillis(), in.timeline().endMillis());
        List<String> services = List.copyOf(in.load().services().keySet());
        for (String s : services) {
            b.service(s);
        }
        addServiceSeconds(b, in.load(), services, durationMs);
        for (HostCpuSecond h : in.hostCpu()) {
            if (h.second() * 1000L < durationMs) {
                b.addHostCpu(h);
            }
        }
        for (AttackSecond a : in.attackSeconds()) {
            if (a.second() * 1000L < durationMs) {
                b.addAttack(a);
            }
        }
        addIncidents(b, in, durationMs);
        addActions(b, in, durationMs);
        for (MigrationRecord m : in.migrations()) {
            long startMs = m.requestedWallMillis() - in.runStartWallMillis();
            if (startMs >= 0 && startMs <= durationMs) {
                var r = m.result();
                b.addMigration(new Migration(r.vm(), r.sourceHost(), r.targetHost(), startMs, r.totalMillis(),
                        Math.min(r.downtimeMillis(), r.totalMillis())));
            }
        }
        b.legitRefused(legitRefused(in.load(), services));
        // Exact phases need the phase windows, which depend on the events: build once to cut them.
        PhaseWindows windows = PhaseWindows.of(b.build());
        for (String s : services) {
            for (Map.Entry<Phase, TimeWindow> w : windows.windows().entrySet()) {
                ClassStats cs = in.load().window(s, TrafficClass.LEGIT, w.getValue().startMs(), w.getValue().endMs());
                if (cs.requests() > 0) {
                    double p99 = cs.latency().p99Ms();
                    b.exactPhase(s, w.getKey(), PhaseStats.exact(cs.requests(), cs.successes(),
                            Math.min(cs.latency().p50Ms(), p99), p99));
                }
            }
        }
        return b.build();
    }

    private static long durationMs(RunInputs in) {
        long lastSecondEnd = 0;
        for (SecondFigures f : in.load().series()) {
            lastSecondEnd = Math.max(lastSecondEnd, f.second() * 1000L);
        }
        return Math.max(in.timeline().durationMillis(), lastSecondEnd);
    }

    private static void addServiceSeconds(RunRecord.Builder b, LoadReport load, List<String> services, long durationMs) {
        for (SecondFigures f : load.series()) {
            int second = f.second() - 1;
            if (second < 0 || second * 1000L >= durationMs) {
                continue;
            }
            for (String s : services) {
                SecondStats st = f.stats(s, TrafficClass.LEGIT);
                if (st == null || st.requests() == 0) {
                    b.addServiceSecond(s, ServiceSecond.idle(second, 0));
                    continue;
                }
                double p99 = Math.max(0, st.p99Ms());
                b.addServiceSecond(s, new ServiceSecond(second, st.requests(), st.successes(),
                        st.requests() - st.successes(), Math.min(Math.max(0, st.p50Ms()), p99), p99));
            }
        }
    }

    private static void addIncidents(RunRecord.Builder b, RunInputs in, long durationMs) {
        Set<String> opened = new HashSet<>();
        double detection = Double.NaN;
        for (JournalEvent e : in.journal()) {
            if (!"incident".equals(e.type())) {
                continue;
            }
            long atMs = e.atMillis() - in.runStartWallMillis();
            boolean resolved = "RESOLVED".equals(e.status());
            boolean first = opened.add(e.subject());
            if (atMs < 0 || atMs > durationMs || (!first && !resolved)) {
                continue;
            }
            String kind = incidentKind(e.subject());
            String label = kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " on " + incidentTarget(e.subject());
            b.addEvent(atMs, resolved ? EventKind.INCIDENT_RESOLVED : EventKind.INCIDENT_OPENED, label);
            if (!resolved && !"FLASH_CROWD".equals(kind) && atMs >= in.timeline().onsetMillis() && Double.isNaN(detection)) {
                detection = (atMs - in.timeline().onsetMillis()) / 1000.0;
            }
        }
        if (!Double.isNaN(detection)) {
            b.detectionSeconds(detection);
        }
    }

    private static void addActions(RunRecord.Builder b, RunInputs in, long durationMs) {
        double firstAction = Double.NaN;
        Set<String> rules = new HashSet<>();
        List<ActionRecord> actions = in.actions().stream()
                .sorted((x, y) -> Long.compare(x.startedMillis(), y.startedMillis())).toList();
        for (ActionRecord a : actions) {
            long startMs = a.startedMillis() - in.runStartWallMillis();
            if (startMs < 0 || startMs > durationMs) {
                continue;
            }
            JsonNode spec = spec(a.specJson());
            String label = label(a.kind(), spec);
            b.addEvent(startMs, EventKind.ACTION_STARTED, label);
            if (!a.incidentId().isEmpty() && startMs >= in.timeline().onsetMillis() && Double.isNaN(firstAction)) {
                firstAction = (startMs - in.timeline().onsetMillis()) / 1000.0;
            }
            if (a.endedMillis() > 0) {
                long endMs = a.endedMillis() - in.runStartWallMillis();
                boolean ok = a.status() == ActionStatus.SUCCEEDED;
                if (endMs <= durationMs) {
                    b.addEvent(endMs, ok ? EventKind.ACTION_FINISHED : EventKind.ACTION_FAILED,
                            label + (ok ? "" : " (" + a.status().name().toLowerCase(Locale.ROOT) + ")"));
                }
                if (ok && "switch-version".equals(a.kind())) {
                    b.addVersionSwitch(new VersionSwitch(spec.path("vm").asText(), spec.path("fromVersion").asText(),
                            spec.path("toVersion").asText(), startMs, (a.endedMillis() - a.startedMillis()) / 1000.0));
                }
            }
            if (a.status() == ActionStatus.SUCCEEDED && "add-rule".equals(a.kind())) {
                String id = spec.path("rule").path("id").asText(a.actionId());
                if (rules.add(id)) {
                    b.addRule(id, ruleText(spec.path("rule")));
                }
            }
        }
        if (!Double.isNaN(firstAction)) {
            b.firstActionSeconds(firstAction);
        }
    }

    private static long legitRefused(LoadReport load, List<String> services) {
        long n = 0;
        for (String s : services) {
            n += load.stats(s, TrafficClass.LEGIT).refusedSources();
            n += load.stats(s, TrafficClass.FLASH_CROWD).refusedSources(); // a crowd is legitimate too
        }
        return n;
    }

    /** Returns an incident id's kind: ids are {@code KIND:target@startMillis}. */
    static String incidentKind(String id) {
        int colon = id.indexOf(':');
        return colon > 0 ? id.substring(0, colon) : id;
    }

    /** Returns an incident id's target key. */
    static String incidentTarget(String id) {
        int colon = id.indexOf(':');
        int at = id.lastIndexOf('@');
        return colon > 0 && at > colon ? id.substring(colon + 1, at) : id;
    }

    /** Returns a short label for an action from its journaled spec. */
    static String label(String kind, JsonNode spec) {
        return switch (kind) {
            case "migrate", "migrate-back" -> kind + " " + spec.path("vm").asText() + " " + spec.path("fromHost").asText()
                    + "->" + spec.path("toHost").asText();
            case "switch-version" -> "switch " + spec.path("vm").asText() + " " + spec.path("fromVersion").asText()
                    + "->" + spec.path("toVersion").asText();
            case "add-rule" -> "rule " + ruleText(spec.path("rule"));
            case "remove-rule" -> "remove rule " + spec.path("ruleId").asText();
            case "scale-out" -> "scale out " + spec.path("service").asText() + " +" + spec.path("newVm").asText();
            case "scale-in" -> "scale in " + spec.path("vm").asText();
            case "set-weight" -> "weight " + spec.path("backendId").asText() + "=" + spec.path("weight").asText();
            default -> kind;
        };
    }

    private static String ruleText(JsonNode rule) {
        String limit = rule.path("limit").asDouble() > 0 ? " limit " + rule.path("limit").asText() : "";
        return rule.path("kind").asText().toLowerCase(Locale.ROOT) + " " + rule.path("match").asText() + " on "
                + rule.path("pool").asText() + limit;
    }

    private static JsonNode spec(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            return JSON.createObjectNode(); // a spec we cannot read gives a label without details
        }
    }
}
