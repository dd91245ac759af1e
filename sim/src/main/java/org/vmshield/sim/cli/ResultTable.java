package org.vmshield.sim.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vmshield.sim.run.SimResult;

/** Renders one or two results (with and without mitigation) as text tables. */
final class ResultTable {
    private ResultTable() {}

    static String render(List<SimResult> results) {
        StringBuilder b = new StringBuilder();
        SimResult first = results.get(0);
        b.append(String.format(Locale.ROOT, "scenario %s: %d hosts, %d VMs, %d services, %.0f s simulated, seed %d%n",
                first.scenario(), first.hosts(), first.vmsAtStart(), first.services(), first.simulatedSeconds(), first.seed()));
        for (SimResult r : results) {
            b.append(String.format(Locale.ROOT, "%n== mitigation %s: %d ticks, %d events in %.2f s wall (%.0f events/s, %.0f VM-ticks/s; brain %.2f s), VMs at end %d%n",
                    r.mitigation() ? "ON" : "OFF", r.ticks(), r.events(), r.wallMillis() / 1000.0, r.eventsPerSecond(),
                    r.wallMillis() > 0 ? (double) r.vmsAtStart() * r.ticks() * 1000 / r.wallMillis() : 0,
                    r.brainWallMillis() / 1000.0, r.vmsAtEnd()));
            b.append(String.format(Locale.ROOT, "%-12s %-7s %14s %9s %12s%n", "group", "phase", "legit requests", "success", "latency ms"));
            for (SimResult.GroupPhase g : r.groups()) {
                b.append(String.format(Locale.ROOT, "%-12s %-7s %14d %8.2f%% %12.1f%n", g.group(), g.phase(), g.legitRequests(),
                        100 * g.successRate(), g.meanLatencyMillis()));
            }
            b.append("detection:");
            if (r.detections().isEmpty()) {
                b.append(" no attacks");
            }
            b.append(System.lineSeparator());
            int shown = 0;
            long sum = 0;
            int found = 0;
            long max = 0;
            for (SimResult.Detection d : r.detections()) {
                if (d.detectedAfterMillis() >= 0) {
                    found++;
                    sum += d.detectedAfterMillis();
                    max = Math.max(max, d.detectedAfterMillis());
                }
                if (shown++ < 10) {
                    b.append(String.format(Locale.ROOT, "  attack %d %s on %s at %.0f s: %s%n", d.attack(), d.kind(), d.target(),
                            d.startSeconds(), d.detectedAfterMillis() >= 0
                                    ? "detected after " + d.detectedAfterMillis() + " ms as " + d.incidentKind() : "not detected"));
                }
            }
            if (r.detections().size() > 10) {
                b.append(String.format(Locale.ROOT, "  ... %d attacks in all%n", r.detections().size()));
            }
            if (found > 0) {
                b.append(String.format(Locale.ROOT, "  detected %d/%d, mean %.0f ms, max %d ms%n", found, r.detections().size(),
                        (double) sum / found, max));
            }
            b.append("incidents opened: ").append(fmt(r.incidentsOpened())).append(System.lineSeparator());
            b.append("actions: ").append(fmt(r.actions())).append(r.rejectedActions() > 0 ? ", rejected " + r.rejectedActions() : "")
                    .append(System.lineSeparator());
            SimResult.MigrationStats m = r.migrations();
            b.append(String.format(Locale.ROOT,
                    "migrations: %d started, %d completed, %d failed; %.1f s in all (mean %.1f s); downtime %.1f ms in all, max %.1f ms; %.0f MiB sent%n",
                    m.started(), m.completed(), m.failed(), m.totalSeconds(), m.meanSeconds(), m.totalDowntimeMillis(),
                    m.maxDowntimeMillis(), m.sentMiB()));
        }
        return b.toString();
    }

    private static String fmt(Map<String, Integer> m) {
        return m.isEmpty() ? "none" : m.toString();
    }
}
