package org.vmshield.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * Describes one chart over the time of a run.
 *
 * @param fileStem   the name of its PNG without extension, e.g. "goodput"
 * @param title      the title drawn above it
 * @param yLabel     the y axis's label, with its unit
 * @param logY       whether the y axis is logarithmic (latencies)
 * @param xMaxSeconds the end of the x axis: the run's length in seconds
 * @param series     the lines
 * @param bands      shaded spans (the attack, the mitigated phase)
 * @param markers    numbered vertical markers (incidents, actions)
 */
public record Chart(String fileStem, String title, String yLabel, boolean logY, double xMaxSeconds,
        List<Series> series, List<Band> bands, List<Marker> markers) {

    /** Copies the lists. */
    public Chart {
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        markers = List.copyOf(markers);
    }

    /**
     * Describes one line: values per x (seconds), NaN for a gap.
     *
     * @param name   its legend text
     * @param color  its color
     * @param dashed whether it is drawn dashed (the secondary figure of a pair, e.g. p50 next to p99)
     * @param xs     x values in seconds, increasing
     * @param ys     y values, NaN where there is no value
     */
    public record Series(String name, Color color, boolean dashed, double[] xs, double[] ys) {

        /** Checks the arrays have the same length. */
        public Series {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException(String.format(
                        "series %s: %d xs, %d ys (expected: as many of each)", name, xs.length, ys.length));
            }
        }
    }

    /**
     * Describes a shaded span of time.
     *
     * @param startSeconds its start
     * @param endSeconds   its end
     * @param label        the text drawn inside it
     * @param color        its color
     * @param strip        false: a translucent fill over the plot's height; true: a strip along the
     *                     plot's bottom (for a span inside another band, which stays visible)
     */
    public record Band(double startSeconds, double endSeconds, String label, Color color, boolean strip) {
    }

    /**
     * Describes a vertical marker, drawn with its number and listed in the chart's key.
     *
     * @param atSeconds when
     * @param number    its number in the key, from 1
     * @param text      its text in the key, e.g. "t=31.2 s incident opened: http-flood on attacked"
     * @param color     its color (by kind of event)
     */
    public record Marker(double atSeconds, int number, String text, Color color) {
    }
}
