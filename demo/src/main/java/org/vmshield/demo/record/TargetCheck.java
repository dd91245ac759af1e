package org.vmshield.demo.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.vmshield.demo.scenario.DemoTopology;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.PhaseStats;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.phase.RunSummary;

/**
 * Checks a mitigated run against the targets: detection <= 2 s and first action <= 3 s
 * after onset; the attacked VM's migration completed <= 10 s after onset (for the mixed attack,
 * which needs it; for other kinds when it migrated);
 * critical service {@code mitigated} success >= 99 % with p99 <= 2 x its {@code before} p99, and
 * >= 97 % over the whole attack; attacked service {@code mitigated} success >= 95 %; for a flash
 * crowd, no legitimate source refused and no attack incident.
 */
public final class TargetCheck {
    private TargetCheck() {}

    /**
     * Returns the targets for {@code run}.
     *
     * @param attackedMigrationDoneSeconds seconds from onset to the completion of the attacked VM's first
     *     migration; empty when it did not migrate
     */
    public static List<Target> check(RunRecord run, OptionalDouble attackedMigrationDoneSeconds) {
        List<Target> out = new ArrayList<>();
        RunSummary summary = RunSummary.of(run);
        if ("flash-crowd".equals(run.attackKind())) {
            // Saturation is not an attack incident: it says a VM needs more CPU than its host gives,
            // which a crowd causes too (on the demo's half-core host, always), and it is answered
            // with capacity (a migration), never a block.
            List<String> attacks = run.events().stream().filter(e -> e.kind() == EventKind.INCIDENT_OPENED)
                    .map(e -> e.label()).filter(TargetCheck::isAttackIncident).distinct().toList();
            boolean saturation = run.events().stream().anyMatch(e -> e.kind() == EventKind.INCIDENT_OPENED
                    && e.label().startsWith("saturation"));
            out.add(new Target("flash crowd: no legitimate source refused", run.legitRefused() == 0,
                    run.legitRefused() + " refused"));
            out.add(new Target("flash crowd: no attack incident", attacks.isEmpty(), attacks.isEmpty()
                    ? "none" + (saturation ? " (saturation opened: the crowd filled its host)" : "")
                    : String.join(", ", attacks)));
            return out;
        }
        out.add(seconds("detection <= 2 s after onset", run.detectionSeconds(), 2));
        out.add(seconds("first action <= 3 s after onset", run.firstActionSeconds(), 3));
        // the mixed attack needs the migration (the demo's canonical run): a run without it misses the
        // target; another kind is answered by a filter or a switch alone, and is checked only when it moved
        if (attackedMigrationDoneSeconds.isPresent() || "mixed".equals(run.attackKind())) {
            out.add(seconds("attacked VM migrated <= 10 s after onset", attackedMigrationDoneSeconds, 10));
        }
        PhaseStats before = summary.stats(DemoTopology.CRITICAL, Phase.BEFORE);
        PhaseStats mitigated = summary.stats(DemoTopology.CRITICAL, Phase.MITIGATED);
        PhaseStats attack = summary.stats(DemoTopology.CRITICAL, Phase.ATTACK);
        out.add(rate("critical mitigated success >= 99%", mitigated, 0.99));
        boolean p99ok = !mitigated.isEmpty() && !before.isEmpty() && mitigated.p99Ms() <= 2 * before.p99Ms();
        out.add(new Target("critical mitigated p99 <= 2 x before p99", p99ok, mitigated.isEmpty() ? "no mitigated phase"
                : String.format(Locale.ROOT, "%.1f ms vs before %.1f ms", mitigated.p99Ms(), before.p99Ms())));
        out.add(rate("critical attack-phase success >= 97%", attack, 0.97));
        out.add(rate("attacked mitigated success >= 95%",
                summary.stats(DemoTopology.ATTACKED, Phase.MITIGATED), 0.95));
        return out;
    }

    /** Returns true for an incident (by its report label) that names an attack: a flood, a cost attack, connection exhaustion. */
    public static boolean isAttackIncident(String label) {
        return label.startsWith("volumetric flood") || label.startsWith("cost attack")
                || label.startsWith("connection exhaustion");
    }

    private static Target seconds(String name, OptionalDouble value, double limit) {
        if (value.isEmpty()) {
            return new Target(name, false, "none");
        }
        return new Target(name, value.getAsDouble() <= limit, String.format(Locale.ROOT, "%.1f s", value.getAsDouble()));
    }

    private static Target rate(String name, PhaseStats stats, double limit) {
        if (stats.isEmpty()) {
            return new Target(name, false, "no requests in the phase");
        }
        return new Target(name, stats.successRate() >= limit, String.format(Locale.ROOT, "%.2f%% of %d",
                100 * stats.successRate(), stats.requests()));
    }
}
