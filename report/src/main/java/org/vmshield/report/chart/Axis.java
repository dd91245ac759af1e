package org.vmshield.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps values to [0, 1] along an axis and chooses its ticks: linear from 0 with steps of 1, 2 or 5
 * times a power of ten, or logarithmic with ticks at 1, 2 and 5 per decade.
 *
 * @param min   the axis's first value
 * @param max   the axis's last value
 * @param log   whether it is logarithmic
 * @param ticks the values that get a tick and a label
 */
record Axis(double min, double max, boolean log, List<Double> ticks) {

    /** Returns a linear axis from 0 to a little above {@code dataMax}, with about {@code tickCount} ticks. */
    static Axis linear(double dataMax, int tickCount) {
        double top = dataMax > 0 && Double.isFinite(dataMax) ? dataMax : 1;
        double step = niceStep(top / tickCount);
        double max = Math.ceil(top * 1.04 / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max + step / 1000; i++) {
            ticks.add(i * step);
        }
        return new Axis(0, max, false, ticks);
    }

    /** Returns a linear axis from 0 to exactly {@code max}, ticked every nice step (the time axis). */
    static Axis linearExact(double max, int tickCount) {
        double step = niceStep(max / tickCount);
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max + step / 1000; i++) {
            ticks.add(i * step);
        }
        return new Axis(0, max, false, ticks);
    }

    /** Returns a logarithmic axis covering the positive values in [dataMin, dataMax], in whole decades. */
    static Axis logarithmic(double dataMin, double dataMax) {
        double lo = dataMin > 0 && Double.isFinite(dataMin) ? Math.pow(10, Math.floor(Math.log10(dataMin))) : 1;
        double hi = dataMax > 0 && Double.isFinite(dataMax) ? Math.pow(10, Math.ceil(Math.log10(dataMax))) : 10;
        if (hi <= lo) {
            hi = lo * 10;
        }
        int decades = (int) Math.round(Math.log10(hi / lo));
        double[] multiples = decades > 4 ? new double[] {1} : new double[] {1, 2, 5};
        List<Double> ticks = new ArrayList<>();
        for (double decade = lo; decade <= hi * 1.0001; decade *= 10) {
            for (double m : multiples) {
                if (decade * m <= hi * 1.0001) {
                    ticks.add(decade * m);
                }
            }
        }
        return new Axis(lo, hi, true, ticks);
    }

    /** Returns where {@code value} lies along the axis, 0 at min and 1 at max (NaN if it cannot be shown). */
    double fraction(double value) {
        if (log) {
            if (!(value > 0)) {
                return Double.NaN;
            }
            double clamped = Math.max(value, min);
            return Math.log(clamped / min) / Math.log(max / min);
        }
        return (value - min) / (max - min);
    }

    /** Returns a tick's label: no decimals for whole numbers, else as many as the value needs. */
    static String label(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%s", (float) value);
    }

    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
