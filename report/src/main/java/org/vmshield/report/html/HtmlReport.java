package org.vmshield.report.html;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vmshield.report.chart.Chart;
import org.vmshield.report.chart.ChartPainter;
import org.vmshield.report.chart.RunCharts;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RuleAdded;
import org.vmshield.report.model.RunEvent;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.VersionSwitch;
import org.vmshield.report.phase.RunSummary;
import org.vmshield.report.table.Figures;

/** Renders report.html: the summary of a run (and its baseline), its charts as inline SVG, its events. */
public final class HtmlReport {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1040px; }
            h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; } h3 { font-size: 15px; }
            table { border-collapse: collapse; margin: 8px 0 16px; }
            th, td { padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: right; }
            th { background: #f4f4f4; } td.name, th.name { text-align: left; }
            .base { color: #8a1c1c; } svg.chart { display: block; margin: 12px 0 24px; border: 1px solid #ccc; }
            .note { color: #555; font-size: 13px; }
            """;

    private HtmlReport() {
    }

    /** Returns the page for {@code run}, with {@code baseline} side by side and charted too if present. */
    public static String render(RunRecord run, Optional<RunRecord> baseline) {
        RunSummary summary = RunSummary.of(run);
        Optional<RunSummary> base = baseline.map(RunSummary::of);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>vmshield report: ")
                .append(esc(run.scenario() + ", " + run.attackKind())).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>vmshield report: scenario ").append(esc(run.scenario())).append(", attack ")
                .append(esc(run.attackKind())).append("</h1>\n");
        h.append(String.format(Locale.ROOT, "<p>Mitigation %s. Run of %.1f s; attack from %.1f s to %.1f s; mitigated phase %s.%s</p>%n",
                run.mitigation() ? "on" : "off (vmshield observing only)", run.durationMs() / 1000.0,
                run.attackOnsetMs() / 1000.0, run.attackEndMs() / 1000.0,
                summary.windows().window(Phase.MITIGATED)
                        .map(w -> String.format(Locale.ROOT, "from %.1f s", w.startMs() / 1000.0)).orElse("none (no action finished)"),
                baseline.isPresent() ? " Baseline figures (the same scenario without mitigation) in red." : ""));
        phaseTable(h, summary, base);
        facts(h, run, baseline);
        charts(h, run, "", "");
        baseline.ifPresent(b -> charts(h, b, "baseline-", " (baseline: no mitigation)"));
        events(h, run.events(), "Incidents and actions");
        actions(h, run);
        baseline.ifPresent(b -> events(h, b.events(), "Incidents (baseline)"));
        h.append("<p class=\"note\">Phases: before = start to onset; attack = onset to end of attack; mitigated = ")
                .append("end of the first finished mitigation action to end of attack; after = end of attack to end of run. ")
                .append("Per-second samples belong to the phase holding their middle. All figures are in report.json.</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void phaseTable(StringBuilder h, RunSummary summary, Optional<RunSummary> base) {
        h.append("<h2>Legitimate clients per service and phase</h2>\n<table>\n<tr><th class=\"name\">service</th>")
                .append("<th class=\"name\">phase</th><th>requests</th><th>success</th><th>p50 ms</th><th>p99 ms</th>");
        if (base.isPresent()) {
            h.append("<th class=\"base\">baseline success</th><th class=\"base\">baseline p50 ms</th>")
                    .append("<th class=\"base\">baseline p99 ms</th>");
        }
        h.append("</tr>\n");
        summary.stats().forEach((service, byPhase) -> {
            for (Phase phase : Phase.values()) {
                PhaseStats s = byPhase.get(phase);
                h.append("<tr><td class=\"name\">").append(esc(service)).append("</td><td class=\"name\">")
                        .append(phase.key()).append("</td>").append(td(Figures.count(s.requests())))
                        .append(td(Figures.percent(s.successRate()))).append(td(Figures.millis(s.p50Ms())))
                        .append(td(Figures.millis(s.p99Ms())));
                base.ifPresent(b -> {
                    PhaseStats o = b.stats().containsKey(service) ? b.stats(service, phase) : PhaseStats.EMPTY;
                    h.append(tdBase(Figures.percent(o.successRate()))).append(tdBase(Figures.millis(o.p50Ms())))
                            .append(tdBase(Figures.millis(o.p99Ms())));
                });
                h.append("</tr>\n");
            }
        });
        h.append("</table>\n");
    }

    private static void facts(StringBuilder h, RunRecord run, Optional<RunRecord> baseline) {
        h.append("<table>\n");
        fact(h, "detection after onset", Figures.seconds(run.detectionSeconds()),
                baseline.map(b -> Figures.seconds(b.detectionSeconds())));
        fact(h, "first action after onset", Figures.seconds(run.firstActionSeconds()),
                baseline.map(b -> Figures.seconds(b.firstActionSeconds())));
        fact(h, "migrations", Integer.toString(run.migrations().size()),
                baseline.map(b -> Integer.toString(b.migrations().size())));
        fact(h, "version switches", Integer.toString(run.versionSwitches().size()),
                baseline.map(b -> Integer.toString(b.versionSwitches().size())));
        fact(h, "rules added", Integer.toString(run.rules().size()),
                baseline.map(b -> Integer.toString(b.rules().size())));
        fact(h, "legitimate sources refused", Figures.count(run.legitRefused()),
                baseline.map(b -> Figures.count(b.legitRefused())));
        h.append("</table>\n");
    }

    private static void fact(StringBuilder h, String name, String value, Optional<String> baseValue) {
        h.append("<tr><th class=\"name\">").append(name).append("</th>").append(td(value));
        baseValue.ifPresent(v -> h.append(tdBase("baseline: " + v)));
        h.append("</tr>\n");
    }

    private static void charts(StringBuilder h, RunRecord run, String prefix, String suffix) {
        h.append("<h2>Over time").append(esc(suffix)).append("</h2>\n");
        for (Chart chart : RunCharts.of(run, prefix, suffix)) {
            h.append(ChartPainter.svg(chart));
        }
    }

    private static void events(StringBuilder h, List<RunEvent> events, String title) {
        h.append("<h2>").append(esc(title)).append("</h2>\n");
        if (events.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>#</th><th>time (s)</th><th class=\"name\">event</th><th class=\"name\">label</th></tr>\n");
        for (int i = 0; i < events.size(); i++) {
            RunEvent e = events.get(i);
            h.append("<tr>").append(td(Integer.toString(i + 1))).append(td(String.format(Locale.ROOT, "%.1f", e.atMs() / 1000.0)))
                    .append("<td class=\"name\">").append(e.kind().text()).append("</td><td class=\"name\">")
                    .append(esc(e.label())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void actions(StringBuilder h, RunRecord run) {
        h.append("<h3>Migrations</h3>\n");
        if (run.migrations().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table>\n<tr><th class=\"name\">vm</th><th class=\"name\">from</th><th class=\"name\">to</th>")
                    .append("<th>start (s)</th><th>total ms</th><th>downtime ms</th></tr>\n");
            for (Migration m : run.migrations()) {
                h.append("<tr>").append(name(m.vm())).append(name(m.from())).append(name(m.to()))
                        .append(td(String.format(Locale.ROOT, "%.1f", m.startMs() / 1000.0))).append(td(Figures.count(m.totalMs())))
                        .append(td(Figures.count(m.downtimeMs()))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Version switches</h3>\n");
        if (run.versionSwitches().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table>\n<tr><th class=\"name\">vm</th><th class=\"name\">from</th><th class=\"name\">to</th>")
                    .append("<th>start (s)</th><th>took (s)</th></tr>\n");
            for (VersionSwitch v : run.versionSwitches()) {
                h.append("<tr>").append(name(v.vm())).append(name(v.from())).append(name(v.to()))
                        .append(td(String.format(Locale.ROOT, "%.1f", v.startMs() / 1000.0)))
                        .append(td(String.format(Locale.ROOT, "%.2f", v.seconds()))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Rules added</h3>\n");
        if (run.rules().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table>\n<tr><th class=\"name\">id</th><th class=\"name\">description</th></tr>\n");
            for (RuleAdded r : run.rules()) {
                h.append("<tr>").append(name(r.id())).append(name(r.description())).append("</tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    private static String tdBase(String text) {
        return "<td class=\"base\">" + esc(text) + "</td>";
    }

    private static String name(String text) {
        return "<td class=\"name\">" + esc(text) + "</td>";
    }

    private static String esc(String text) {
        return org.vmshield.report.chart.SvgCanvas.escape(text);
    }
}
