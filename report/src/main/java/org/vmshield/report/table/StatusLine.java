package org.vmshield.report.table;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Formats the demo's live line, one per second, e.g.
 * {@code t=42s | critical 99.80% p99 12.1ms | attacked 71.20% p99 1,830ms | attack 4,210 rps |
 * incidents 1 | actions: migrate attacked | attacked [######----] 62%}.
 */
public final class StatusLine {
    private static final int BAR_WIDTH = 10;

    private StatusLine() {
    }

    /** Returns the line for {@code status}, without a line break. */
    public static String format(LiveStatus status) {
        StringJoiner line = new StringJoiner(" | ");
        line.add(String.format(Locale.ROOT, "t=%3.0fs", status.elapsedSeconds()));
        for (LiveStatus.ServiceStatus service : status.services()) {
            line.add(String.format(Locale.ROOT, "%s %s p99 %sms", service.name(),
                    Figures.percent(service.successRate()), Figures.millis(service.p99Ms())));
        }
        line.add(String.format(Locale.ROOT, "attack %,.0f rps", status.attackRps()));
        line.add("incidents " + status.openIncidents());
        line.add(status.actionsInProgress().isEmpty()
                ? "actions: none" : "actions: " + String.join(", ", status.actionsInProgress()));
        status.migration().ifPresent(m -> line.add(m.vm() + " " + bar(m.fraction())
                + String.format(Locale.ROOT, " %3.0f%%", m.fraction() * 100)));
        return line.toString();
    }

    /** Returns a progress bar of {@value #BAR_WIDTH} cells, e.g. "[######----]". */
    static String bar(double fraction) {
        int done = (int) Math.floor(fraction * BAR_WIDTH);
        return "[" + "#".repeat(done) + "-".repeat(BAR_WIDTH - done) + "]";
    }
}
