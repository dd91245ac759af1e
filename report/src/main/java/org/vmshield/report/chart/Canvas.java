package org.vmshield.report.chart;

import java.awt.Color;

/** Draws the primitives a chart is made of; one implementation per output format. */
public interface Canvas {

    /** Names where a text's x lies relative to the text. */
    enum Anchor { START, MIDDLE, END }

    /** Draws a line segment. */
    void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed);

    /** Draws connected segments through the points. */
    void polyline(double[] xs, double[] ys, Color color, double width, boolean dashed);

    /** Fills a rectangle; opacity in [0, 1]. */
    void fillRect(double x, double y, double width, double height, Color color, double opacity);

    /** Outlines a rectangle. */
    void strokeRect(double x, double y, double width, double height, Color color);

    /** Fills a circle. */
    void fillCircle(double cx, double cy, double radius, Color color);

    /** Draws text with its baseline at y, rotated by {@code degrees} (counter-clockwise when negative in SVG terms). */
    void text(String text, double x, double y, Anchor anchor, double size, Color color, boolean bold, double degrees);

    /** Returns the width the text takes at {@code size}. */
    double textWidth(String text, double size);
}
