package org.vmshield.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RuleAdded;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.VersionSwitch;
import org.vmshield.report.phase.RunSummary;
import org.vmshield.report.phase.TimeWindow;

/**
 * Renders the outcome of a run as the plain-text table the demo prints at the end: per service and
 * phase the legitimate success rate, p50 and p99; then detection, first action, migrations, version
 * switches, rules and refused legitimate sources. With a baseline, both runs side by side.
 */
public final class SummaryTable {
    private SummaryTable() {
    }

    /** Returns the table of {@code run}, with {@code baseline}'s figures in extra columns if present. */
    public static String render(RunRecord run, Optional<RunRecord> baseline) {
        RunSummary summary = RunSummary.of(run);
        Optional<RunSummary> base = baseline.map(RunSummary::of);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "vmshield run: scenario %s, attack %s, mitigation %s%n",
                run.scenario(), run.attackKind(), run.mitigation() ? "on" : "off (observing only)"));
        out.append(String.format(Locale.ROOT, "run %.1f s, attack from %.1f s to %.1f s, mitigated phase %s%n%n",
                run.durationMs() / 1000.0, run.attackOnsetMs() / 1000.0, run.attackEndMs() / 1000.0,
                summary.windows().window(Phase.MITIGATED).map(SummaryTable::window).orElse("none (no action finished)")));
        out.append(phaseTable(summary, base));
        out.append('\n');
        List<String[]> facts = new ArrayList<>();
        facts.add(fact("detection", after(run.detectionSeconds()), baseline.map(b -> after(b.detectionSeconds()))));
        facts.add(fact("first action", after(run.firstActionSeconds()), baseline.map(b -> after(b.firstActionSeconds()))));
        addLines(facts, "migrations", run.migrations(), SummaryTable::migration);
        addLines(facts, "version switches", run.versionSwitches(), SummaryTable::versionSwitch);
        addLines(facts, "rules added", run.rules(), SummaryTable::rule);
        facts.add(fact("legit sources refused", Figures.count(run.legitRefused()),
                baseline.map(b -> Figures.count(b.legitRefused()))));
        for (String[] row : facts) {
            out.append(String.format(Locale.ROOT, "%-22s %s%n", row[0], row[1]).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String phaseTable(RunSummary summary, Optional<RunSummary> base) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("service", "phase", "requests", "success", "p50 ms", "p99 ms"));
        if (base.isPresent()) {
            header.addAll(List.of("base success", "base p50", "base p99"));
        }
        rows.add(header.toArray(String[]::new));
        summary.stats().forEach((service, byPhase) -> {
            boolean first = true;
            for (Phase phase : Phase.values()) {
                PhaseStats stats = byPhase.get(phase);
                List<String> row = new ArrayList<>(List.of(first ? service : "", phase.key(),
                        Figures.count(stats.requests()), Figures.percent(stats.successRate()),
                        Figures.millis(stats.p50Ms()), Figures.millis(stats.p99Ms())));
                base.ifPresent(b -> {
                    PhaseStats other = b.stats().containsKey(service) ? b.stats(service, phase) : PhaseStats.EMPTY;
                    row.addAll(List.of(Figures.percent(other.successRate()),
                            Figures.millis(other.p50Ms()), Figures.millis(other.p99Ms())));
                });
                rows.add(row.toArray(String[]::new));
                first = false;
            }
        });
        return TextColumns.align(rows, 2);
    }

    private static String[] fact(String name, String value, Optional<String> baseValue) {
        return new String[] {name, baseValue.map(b -> value + "   (baseline: " + b + ")").orElse(value)};
    }

    private static <T> void addLines(List<String[]> facts, String name, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            facts.add(new String[] {name, "none"});
        }
        for (int i = 0; i < items.size(); i++) {
            facts.add(new String[] {i == 0 ? name : "", line.apply(items.get(i))});
        }
    }

    private static String after(OptionalDouble seconds) {
        return seconds.isPresent() ? Figures.seconds(seconds) + " after onset" : "none";
    }

    private static String window(TimeWindow window) {
        return String.format(Locale.ROOT, "%.1f s to %.1f s", window.startMs() / 1000.0, window.endMs() / 1000.0);
    }

    private static String migration(Migration m) {
        return String.format(Locale.ROOT, "%s %s -> %s: total %s ms, downtime %s ms (%s)", m.vm(), m.from(), m.to(),
                Figures.count(m.totalMs()), Figures.count(m.downtimeMs()), Figures.at(m.startMs()));
    }

    private static String versionSwitch(VersionSwitch v) {
        return String.format(Locale.ROOT, "%s %s -> %s: %s (%s)", v.vm(), v.from(), v.to(),
                Figures.seconds(v.seconds()), Figures.at(v.startMs()));
    }

    private static String rule(RuleAdded rule) {
        return rule.id() + ": " + rule.description();
    }
}
