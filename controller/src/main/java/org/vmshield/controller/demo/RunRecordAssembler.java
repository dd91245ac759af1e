package org.vmshield.controller.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vmshield.controller.journal.ActionRecord;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.load.LoadReport;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;
import org.vmshield.report.model.VersionSwitch;

/**
 * Turns one demo run into the report's {@link RunRecord}: the load generator's per-second series
 * and phase windows, and from the journal the incidents, actions, migrations, version switches and
 * rules, with times relative to the load's start.
 */
final class RunRecordAssembler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOTAL = Pattern.compile("total (\\d+) ms");
    private static final Pattern DOWNTIME = Pattern.compile("downtime (\\d+) ms");

    private RunRecordAssembler() {}

    static RunRecord assemble(DemoOptions o, boolean mitigation, LoadReport report, DemoListener seconds,
            Journal journal, long loadStartMillis) {
        long duration = Math.max(o.durationMillis(), report.elapsedMillis());
        RunRecord.Builder b = RunRecord.builder().scenario("paper-fig2").attackKind(o.attack()).mitigation(mitigation)
                .durationMs(duration).attackWindow(o.attackAtMillis(), o.attackEndMillis());
        Map<String, List<ServiceSecond>> series = seconds.byService();
        series.forEach((s, list) -> {
            b.service(s);
            list.forEach(x -> b.addServiceSecond(s, x));
        });
        seconds.attack.forEach(b::addAttack);
        seconds.hostCpu.forEach(b::addHostCpu);

        List<JournalEvent> events = journal.events(0, 1_000_000);
        Map<String, ActionRecord> actions = new HashMap<>();
        journal.recentActions(100_000).forEach(a -> actions.put(a.actionId(), a));
        double detection = Double.NaN;
        double firstAction = Double.NaN;
        long firstFinish = Long.MAX_VALUE;
        for (JournalEvent e : events) {
            long at = e.atMillis() - loadStartMillis;
            if (at < 0 || at >= duration) {
                continue;
            }
            if (e.type().equals("incident")) {
                boolean attack = !e.subject().startsWith("FLASH_CROWD");
                if (e.status().equals("OPEN")) {
                    b.addEvent(at, EventKind.INCIDENT_OPENED, e.subject());
                    if (attack && at >= o.attackAtMillis() && Double.isNaN(detection)) {
                        detection = (at - o.attackAtMillis()) / 1000.0;
                    }
                } else if (e.status().equals("RESOLVED")) {
                    b.addEvent(at, EventKind.INCIDENT_RESOLVED, e.subject());
                }
            } else if (e.type().equals("action")) {
                ActionRecord a = actions.get(e.subject());
                String label = a == null ? e.subject() : a.kind();
                switch (e.status()) {
                    case "IN_FLIGHT" -> {
                        b.addEvent(at, EventKind.ACTION_STARTED, label);
                        if (at >= o.attackAtMillis() && Double.isNaN(firstAction)) {
                            firstAction = (at - o.attackAtMillis()) / 1000.0;
                        }
                    }
                    case "SUCCEEDED" -> {
                        b.addEvent(at, EventKind.ACTION_FINISHED, label);
                        if (at >= o.attackAtMillis()) {
                            firstFinish = Math.min(firstFinish, at);
                        }
                        if (a != null) {
                            finished(b, a, e.detail(), loadStartMillis);
                        }
                    }
                    default -> b.addEvent(at, EventKind.ACTION_FAILED, label);
                }
            }
        }
        if (!Double.isNaN(detection)) {
            b.detectionSeconds(detection);
        }
        if (!Double.isNaN(firstAction)) {
            b.firstActionSeconds(firstAction);
        }
        long refused = 0;
        for (String s : series.keySet()) {
            refused += report.stats(s, TrafficClass.LEGIT).refusedSources();
            phase(b, report, s, Phase.BEFORE, 0, o.attackAtMillis());
            phase(b, report, s, Phase.ATTACK, o.attackAtMillis(), o.attackEndMillis());
            if (firstFinish < o.attackEndMillis()) {
                phase(b, report, s, Phase.MITIGATED, firstFinish, o.attackEndMillis());
            }
            if (o.attackEndMillis() < duration) {
                phase(b, report, s, Phase.AFTER, o.attackEndMillis(), duration);
            }
        }
        b.legitRefused(refused);
        return b.build();
    }

    private static void finished(RunRecord.Builder b, ActionRecord a, String detail, long loadStart) {
        JsonNode spec;
        try {
            spec = JSON.readTree(a.specJson());
        } catch (IOException e) {
            return;
        }
        long start = Math.max(0, a.startedMillis() - loadStart);
        switch (a.kind()) {
            case "migrate", "migrate-back" -> b.addMigration(new Migration(spec.path("vm").asText(),
                    spec.path("fromHost").asText(), spec.path("toHost").asText(), start, number(TOTAL, detail),
                    number(DOWNTIME, detail)));
            case "switch-version" -> b.addVersionSwitch(new VersionSwitch(spec.path("vm").asText(),
                    spec.path("fromVersion").asText(), spec.path("toVersion").asText(), start,
                    (a.endedMillis() - a.startedMillis()) / 1000.0));
            case "add-rule" -> b.addRule(spec.path("rule").path("id").asText(), a.kind() + " "
                    + spec.path("rule").path("kind").asText() + " " + spec.path("rule").path("match").asText()
                    + " on " + spec.path("rule").path("pool").asText());
            default -> { }
        }
    }

    private static long number(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void phase(RunRecord.Builder b, LoadReport report, String service, Phase phase, long from, long to) {
        ClassStats s = report.window(service, TrafficClass.LEGIT, from, to);
        b.exactPhase(service, phase, PhaseStats.exact(s.requests(), s.successes(), s.latency().p50Ms(),
                s.latency().p99Ms()));
    }
}
