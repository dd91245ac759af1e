package org.vmshield.report.table;

import java.util.Locale;
import java.util.OptionalDouble;

/** Formats the figures of a report the same way in the terminal and in report.html; "-" means no value. */
public final class Figures {
    /** Shown for a figure that has no value (no request in a phase, nothing detected). */
    public static final String NONE = "-";

    private Figures() {
    }

    /** Returns a rate in [0, 1] as a percentage with two decimals, e.g. "99.87%". */
    public static String percent(double rate) {
        return Double.isNaN(rate) ? NONE : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    /** Returns a latency in ms: one decimal below 100 ms, none above, e.g. "4.2", "1,830". */
    public static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return NONE;
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
    }

    /** Returns a count with thousands separators, e.g. "12,345". */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Returns seconds with two decimals and a unit, e.g. "1.20 s", or "none" when absent. */
    public static String seconds(OptionalDouble seconds) {
        return seconds.isPresent() ? seconds(seconds.getAsDouble()) : "none";
    }

    /** Returns seconds with two decimals and a unit, e.g. "1.20 s". */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** Returns a time of the run, in ms, as seconds with one decimal, e.g. "t=31.4 s". */
    public static String at(long atMs) {
        return String.format(Locale.ROOT, "t=%.1f s", atMs / 1000.0);
    }
}
