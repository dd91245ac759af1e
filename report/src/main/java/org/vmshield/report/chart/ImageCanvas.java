package org.vmshield.report.chart;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws on a Java2D image, for the PNG charts. */
public final class ImageCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;

    /** Starts a white image of the given size in pixels. */
    public ImageCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
        g.setColor(color);
        g.setStroke(stroke(width, dashed));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, double width, boolean dashed) {
        if (xs.length == 0) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.setColor(color);
        g.setStroke(stroke(width, dashed));
        g.draw(path);
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Color color, double opacity) {
        Composite old = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
        g.setColor(color);
        g.fill(new Rectangle2D.Double(x, y, width, height));
        g.setComposite(old);
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Color color) {
        g.setColor(color);
        g.setStroke(stroke(1, false));
        g.draw(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void fillCircle(double cx, double cy, double radius, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(String text, double x, double y, Anchor anchor, double size, Color color, boolean bold,
            double degrees) {
        Font font = font(size, bold);
        g.setFont(font);
        g.setColor(color);
        double width = g.getFontMetrics(font).stringWidth(text);
        double dx = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        AffineTransform old = g.getTransform();
        g.translate(x, y);
        g.rotate(Math.toRadians(degrees));
        g.drawString(text, (float) dx, 0f);
        g.setTransform(old);
    }

    @Override
    public double textWidth(String text, double size) {
        return g.getFontMetrics(font(size, false)).stringWidth(text);
    }

    /** Finishes drawing and returns the image. */
    public BufferedImage finish() {
        g.dispose();
        return image;
    }

    private static Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size));
    }

    private static BasicStroke stroke(double width, boolean dashed) {
        return dashed
                ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
