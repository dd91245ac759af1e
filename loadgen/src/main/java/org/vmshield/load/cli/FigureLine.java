package org.vmshield.load.cli;

import java.util.Locale;
import java.util.Map;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.stats.SecondStats;

/** Formats one second of figures as one line: per service and class, rate, success and p99. */
final class FigureLine {
    private FigureLine() {}

    static String format(SecondFigures f) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%5.1fs", f.endMillis() / 1000.0));
        for (Map.Entry<String, Map<TrafficClass, SecondStats>> service : f.services().entrySet()) {
            for (TrafficClass cls : TrafficClass.values()) {
                SecondStats s = service.getValue().get(cls);
                if (s == null) {
                    continue;
                }
                b.append(" | ").append(service.getKey()).append(' ').append(cls.label());
                double seconds = Math.max(1e-3, (f.endMillis() - f.startMillis()) / 1000.0);
                if (s.requests() > 0) {
                    b.append(String.format(Locale.ROOT, " %.0f/s ok %.1f%% p99 %.1fms",
                            s.requests() / seconds, 100 * s.successRate(), s.p99Ms()));
                } else if (s.connectionsHeld() == 0) {
                    b.append(" 0/s");
                }
                if (s.connectionsHeld() > 0) {
                    b.append(" conns ").append(s.connectionsHeld());
                }
            }
        }
        if (f.maxSendLagMillis() > 100) {
            b.append(String.format(Locale.ROOT, " | generator lag %.0fms", f.maxSendLagMillis()));
        }
        return b.toString();
    }
}
