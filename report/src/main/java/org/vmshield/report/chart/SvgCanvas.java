package org.vmshield.report.chart;

import java.awt.Color;
import java.util.Locale;

/**
 * Draws on an SVG element meant to be inlined in HTML (so without an xmlns URL: report.html must not
 * reference anything outside itself). Fonts are the browser's generic sans-serif.
 */
public final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;

    /** Starts an SVG of the given size in pixels. */
    public SvgCanvas(int width, int height, String title) {
        this.width = width;
        this.height = height;
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "font-family=\"sans-serif\"><title>%s</title>\n", width, height, width, height, escape(title)));
        fillRect(0, 0, width, height, Color.WHITE, 1);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>\n",
                x1, y1, x2, y2, stroke(color, width, dashed)));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, double width, boolean dashed) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke-linejoin=\"round\" points=\"%s\" %s/>\n",
                points.toString().trim(), stroke(color, width, dashed)));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color color, double opacity) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"/>\n",
                x, y, w, h, hex(color), opacity));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color color) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" %s/>\n",
                x, y, w, h, stroke(color, 1, false)));
    }

    @Override
    public void fillCircle(double cx, double cy, double radius, Color color) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n",
                cx, cy, radius, hex(color)));
    }

    @Override
    public void text(String text, double x, double y, Anchor anchor, double size, Color color, boolean bold,
            double degrees) {
        String rotate = degrees == 0 ? ""
                : String.format(Locale.ROOT, " transform=\"rotate(%.0f %.1f %.1f)\"", degrees, x, y);
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"%s\" text-anchor=\"%s\"%s%s>%s</text>\n",
                x, y, size, hex(color), anchor(anchor), bold ? " font-weight=\"bold\"" : "", rotate, escape(text)));
    }

    @Override
    public double textWidth(String text, double size) {
        return text.length() * size * 0.58; // the average advance of a sans-serif glyph
    }

    /** Returns the finished SVG element. */
    public String finish() {
        return svg + "</svg>\n";
    }

    /** Returns the SVG's width in pixels. */
    public int width() {
        return width;
    }

    /** Returns the SVG's height in pixels. */
    public int height() {
        return height;
    }

    /** Returns text safe inside XML/HTML content and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String stroke(Color color, double width, boolean dashed) {
        return String.format(Locale.ROOT, "stroke=\"%s\" stroke-width=\"%.1f\"%s", hex(color), width,
                dashed ? " stroke-dasharray=\"6 4\"" : "");
    }

    private static String anchor(Anchor anchor) {
        return switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
    }

    private static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
