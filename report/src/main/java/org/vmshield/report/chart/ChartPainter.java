package org.vmshield.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.vmshield.report.chart.Canvas.Anchor;

/**
 * Lays a {@link Chart} out on a {@link Canvas}: title, legend, axes with units, grid, shaded bands,
 * lines, numbered markers, and under the plot a key saying what each marker is.
 */
public final class ChartPainter {
    /** The width of every chart, in pixels. */
    public static final int WIDTH = 1000;
    /** The height of every chart, in pixels. */
    public static final int HEIGHT = 560;

    private static final int LEFT = 80;
    private static final int RIGHT = WIDTH - 24;
    private static final int KEY_ROWS = 5;
    private static final int KEY_COLUMNS = 2;
    private static final int KEY_ROW_HEIGHT = 16;
    private static final int BADGE_ROWS = 6;
    private static final int KEY_TOP = HEIGHT - KEY_ROWS * KEY_ROW_HEIGHT - 14;
    private static final int BOTTOM = KEY_TOP - 50;
    private static final Color AXIS = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xe3, 0xe3, 0xe3);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private ChartPainter() {
    }

    /** Returns the chart as an SVG element, to be inlined in HTML. */
    public static String svg(Chart chart) {
        SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT, chart.title());
        paint(chart, canvas);
        return canvas.finish();
    }

    /** Returns the chart as an image, to be written as PNG. */
    public static java.awt.image.BufferedImage image(Chart chart) {
        ImageCanvas canvas = new ImageCanvas(WIDTH, HEIGHT);
        paint(chart, canvas);
        return canvas.finish();
    }

    /** Draws {@code chart} on {@code canvas}, which is {@link #WIDTH} by {@link #HEIGHT} pixels. */
    public static void paint(Chart chart, Canvas canvas) {
        canvas.text(chart.title(), LEFT, 26, Anchor.START, 17, TEXT, true, 0);
        int top = legend(chart, canvas) + 14;
        Axis x = Axis.linearExact(chart.xMaxSeconds(), 12);
        Axis y = yAxis(chart);
        Plot plot = new Plot(LEFT, top, RIGHT, BOTTOM, x, y);
        grid(plot, canvas, chart.yLabel());
        bands(chart.bands(), plot, canvas);
        for (Chart.Series series : chart.series()) {
            line(plot, canvas, series);
        }
        markers(chart.markers(), plot, canvas);
        canvas.strokeRect(LEFT, top, RIGHT - LEFT, BOTTOM - top, AXIS);
        key(chart.markers(), canvas);
    }

    /** Shades the bands; labels go one above the other so that nested bands keep readable labels. */
    private static void bands(List<Chart.Band> bands, Plot plot, Canvas canvas) {
        for (int i = 0; i < bands.size(); i++) {
            Chart.Band band = bands.get(i);
            double x0 = plot.x(band.startSeconds());
            double x1 = plot.x(band.endSeconds());
            if (band.strip()) {
                canvas.fillRect(x0, plot.bottom() - 7, x1 - x0, 7, band.color(), 0.7);
            } else {
                canvas.fillRect(x0, plot.top(), x1 - x0, plot.bottom() - plot.top(), band.color(), 0.10);
            }
            canvas.text(band.label(), x0 + 4, plot.bottom() - 12 - 14 * i, Anchor.START, 11,
                    band.color().darker(), true, 0);
        }
    }

    private static Axis yAxis(Chart chart) {
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (Chart.Series series : chart.series()) {
            for (double v : series.ys()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                    if (v > 0) {
                        minPositive = Math.min(minPositive, v);
                    }
                }
            }
        }
        return chart.logY() ? Axis.logarithmic(minPositive, max) : Axis.linear(max, 6);
    }

    /** Draws the legend in as many lines as needed and returns the y of its last line. */
    private static int legend(Chart chart, Canvas canvas) {
        int y = 50;
        double x = LEFT;
        for (Chart.Series series : chart.series()) {
            double width = 28 + canvas.textWidth(series.name(), 12) + 22;
            if (x + width > RIGHT && x > LEFT) {
                x = LEFT;
                y += 18;
            }
            canvas.line(x, y - 4, x + 22, y - 4, series.color(), series.dashed() ? 2 : 3, series.dashed());
            canvas.text(series.name(), x + 28, y, Anchor.START, 12, TEXT, false, 0);
            x += width;
        }
        return y;
    }

    private static void grid(Plot plot, Canvas canvas, String yLabel) {
        for (double tick : plot.y().ticks()) {
            double py = plot.y(tick);
            canvas.line(plot.left(), py, plot.right(), py, GRID, 1, false);
            canvas.text(Axis.label(tick), plot.left() - 6, py + 4, Anchor.END, 11, MUTED, false, 0);
        }
        for (double tick : plot.x().ticks()) {
            double px = plot.x(tick);
            canvas.line(px, plot.bottom(), px, plot.bottom() + 5, AXIS, 1, false);
            canvas.text(Axis.label(tick), px, plot.bottom() + 18, Anchor.MIDDLE, 11, MUTED, false, 0);
        }
        canvas.text("time since the start of the run (s)", (plot.left() + plot.right()) / 2.0, plot.bottom() + 36,
                Anchor.MIDDLE, 12, TEXT, false, 0);
        canvas.text(yLabel, 20, (plot.top() + plot.bottom()) / 2.0, Anchor.MIDDLE, 12, TEXT, false, -90);
    }

    /** Draws a series as polylines, broken where a value is missing. */
    private static void line(Plot plot, Canvas canvas, Chart.Series series) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= series.xs().length; i++) {
            double py = i < series.xs().length ? plot.y(series.ys()[i]) : Double.NaN;
            if (Double.isNaN(py)) {
                draw(points, canvas, series);
                points.clear();
            } else {
                points.add(new double[] {plot.x(series.xs()[i]), py});
            }
        }
    }

    private static void draw(List<double[]> points, Canvas canvas, Chart.Series series) {
        if (points.isEmpty()) {
            return;
        }
        if (points.size() == 1) {
            canvas.fillCircle(points.get(0)[0], points.get(0)[1], 2, series.color());
            return;
        }
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        canvas.polyline(xs, ys, series.color(), series.dashed() ? 1.5 : 2, series.dashed());
    }

    /** Draws each marker as a dashed line with a numbered badge, staggering badges that would overlap. */
    private static void markers(List<Chart.Marker> markers, Plot plot, Canvas canvas) {
        double[] lastXByRow = new double[BADGE_ROWS];
        java.util.Arrays.fill(lastXByRow, -1e9);
        for (Chart.Marker marker : markers) {
            double px = plot.x(marker.atSeconds());
            canvas.line(px, plot.top(), px, plot.bottom(), marker.color(), 1.2, true);
            int row = 0;
            while (row < BADGE_ROWS && px - lastXByRow[row] < 19) {
                row++;
            }
            if (row == BADGE_ROWS) {
                row = oldest(lastXByRow);
            }
            lastXByRow[row] = px;
            double cy = plot.top() + 11 + row * 19;
            badge(canvas, px, cy, 8, marker);
        }
    }

    private static int oldest(double[] lastXByRow) {
        int oldest = 0;
        for (int i = 1; i < lastXByRow.length; i++) {
            if (lastXByRow[i] < lastXByRow[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    private static void badge(Canvas canvas, double cx, double cy, double radius, Chart.Marker marker) {
        canvas.fillCircle(cx, cy, radius, marker.color());
        canvas.text(Integer.toString(marker.number()), cx, cy + radius * 0.45, Anchor.MIDDLE, radius * 1.25,
                Color.WHITE, true, 0);
    }

    /** Lists the markers under the plot, column by column; the ones that do not fit are counted. */
    private static void key(List<Chart.Marker> markers, Canvas canvas) {
        canvas.text(markers.isEmpty() ? "Markers: none" : "Markers (incidents and actions)", LEFT, KEY_TOP,
                Anchor.START, 12, TEXT, true, 0);
        int slots = KEY_ROWS * KEY_COLUMNS;
        double columnWidth = (RIGHT - LEFT) / (double) KEY_COLUMNS;
        for (int i = 0; i < markers.size() && i < slots; i++) {
            double x = LEFT + (i / KEY_ROWS) * columnWidth;
            double y = KEY_TOP + (i % KEY_ROWS + 1) * KEY_ROW_HEIGHT;
            if (i == slots - 1 && markers.size() > slots) {
                canvas.text("+" + (markers.size() - slots + 1) + " more: see report.html", x + 16, y,
                        Anchor.START, 11, MUTED, false, 0);
                break;
            }
            Chart.Marker marker = markers.get(i);
            badge(canvas, x + 6, y - 4, 6.5, marker);
            canvas.text(fit(canvas, marker.text(), columnWidth - 26, 11), x + 16, y, Anchor.START, 11, TEXT, false, 0);
        }
    }

    private static String fit(Canvas canvas, String text, double width, double size) {
        if (canvas.textWidth(text, size) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && canvas.textWidth(cut + "…", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Maps run time and values to pixels inside the plot area. */
    private record Plot(double left, double top, double right, double bottom, Axis x, Axis y) {
        double x(double seconds) {
            return left + x.fraction(seconds) * (right - left);
        }

        double y(double value) {
            double f = y.fraction(value);
            return Double.isNaN(value) || Double.isNaN(f) ? Double.NaN : bottom - f * (bottom - top);
        }
    }
}
