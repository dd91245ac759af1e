package org.vmshield.load.cli;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.vmshield.load.FailureKind;
import org.vmshield.load.LoadReport;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;

/** Formats a report's totals as a table, one row per service and traffic class. */
final class SummaryTable {
    private static final String ROW = "%-12s %-12s %9s %8s %9s %9s %9s %9s  %s%n";

    private SummaryTable() {}

    static String format(LoadReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "vmshield load: %.1f s (%s)%s%s%s%n", r.elapsedMillis() / 1000.0,
                r.transport(), r.stoppedEarly() ? ", stopped early" : "",
                r.requestBudgetExhausted() ? ", request budget exhausted" : "",
                r.pacingSkips() > 0 ? ", " + r.pacingSkips() + " flood sends skipped to keep sources under their cap" : ""));
        if (r.unsentArrivals() > 0 || r.maxSendLagMillis() > 100) {
            b.append(String.format(Locale.ROOT, "warning: the generator fell behind its schedule (max send lag %.0f ms,"
                    + " %d due requests not sent): is the machine short of CPU?%n", r.maxSendLagMillis(), r.unsentArrivals()));
        }
        b.append(String.format(Locale.ROOT, ROW, "service", "class", "requests", "ok %", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "failures / connections"));
        for (Map.Entry<String, Map<TrafficClass, ClassStats>> service : r.services().entrySet()) {
            for (TrafficClass cls : TrafficClass.values()) {
                ClassStats s = service.getValue().get(cls);
                if (s == null) {
                    continue;
                }
                boolean none = s.requests() == 0;
                boolean timed = s.latency().count() > 0;
                b.append(String.format(Locale.ROOT, ROW, service.getKey(), cls.label(), s.requests(),
                        none ? "-" : String.format(Locale.ROOT, "%.2f", 100 * s.successRate()),
                        timed ? ms(s.latency().p50Ms()) : "-", timed ? ms(s.latency().p90Ms()) : "-",
                        timed ? ms(s.latency().p99Ms()) : "-", timed ? ms(s.latency().maxMs()) : "-", details(s)));
            }
        }
        return b.toString();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String details(ClassStats s) {
        StringJoiner j = new StringJoiner(" ");
        for (FailureKind k : FailureKind.values()) {
            long n = s.failures(k);
            if (n > 0) {
                j.add(k.name().toLowerCase(Locale.ROOT) + "=" + n);
            }
        }
        if (s.connections().opened() > 0 || s.connections().connectFailures() > 0) {
            j.add("conns opened=" + s.connections().opened() + " peak=" + s.connections().peakHeld()
                    + " closedByPeer=" + s.connections().closedByPeer()
                    + " connectFailed=" + s.connections().connectFailures());
        }
        return j.length() == 0 ? "-" : j.toString();
    }
}
