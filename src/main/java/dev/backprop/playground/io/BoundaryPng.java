package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.render.Heatmap;
import dev.backprop.playground.render.Ticks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * boundary.png: the decision heatmap, each grid cell a square block of pixels (one pixel per cell
 * for a grid of 400 or more), with the training points as filled dots and the test points as rings
 * in the class colours; axes with tick labels (x1, x2) and, on the right, a legend: the classes,
 * train and test markers, and the probability shading scale with the 0.5 contour. Text is 13 px.
 * Works headless.
 */
public final class BoundaryPng {
    /** The plot is at least this many pixels wide: a 200x200 grid gets 2x2-pixel cells. */
    static final int MIN_PLOT = 400;
    static final int LEFT = 58;
    static final int TOP = 16;
    static final int BOTTOM = 50;
    static final int RIGHT = 170;
    static final int FONT_PX = 13;
    private static final Color PAPER = Color.WHITE;
    private static final Color INK = new Color(0x333333);

    private BoundaryPng() {
    }

    /** Side of one grid cell in pixels. */
    public static int cellPixels(DecisionGrid grid) {
        return Math.max(1, (MIN_PLOT + grid.width() - 1) / grid.width());
    }

    /** Where the heatmap lies in the image of a grid this size: the axes and the legend sit around it. */
    public static Rectangle plotArea(DecisionGrid grid) {
        int cell = cellPixels(grid);
        return new Rectangle(LEFT, TOP, grid.width() * cell, grid.height() * cell);
    }

    /** The image size for {@code grid}: the plot plus the axis and legend margins. */
    public static Dimension size(DecisionGrid grid) {
        Rectangle plot = plotArea(grid);
        return new Dimension(LEFT + plot.width + RIGHT, TOP + Math.max(plot.height, 300) + BOTTOM);
    }

    public static BufferedImage render(DecisionGrid grid, DataSplit split) {
        Dimension size = size(grid);
        Rectangle plot = plotArea(grid);
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(PAPER);
        g.fillRect(0, 0, size.width, size.height);
        heatmap(image, grid, plot);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_PX));
        Shape clip = g.getClip();
        g.setClip(plot);
        points(g, grid, split, plot);
        g.setClip(clip);
        axes(g, grid, plot);
        legend(g, grid, plot.x + plot.width + 24, plot.y);
        g.dispose();
        return image;
    }

    public static void write(Path file, DecisionGrid grid, DataSplit split) throws IOException {
        BufferedImage image = render(grid, split);
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Each cell as a block of its exact colour (no smoothing: the picture is the grid). */
    private static void heatmap(BufferedImage image, DecisionGrid grid, Rectangle plot) {
        int cell = cellPixels(grid);
        int[] cells = Heatmap.pixels(grid);
        int[] row = new int[plot.width];
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                java.util.Arrays.fill(row, c * cell, (c + 1) * cell, cells[r * grid.width() + c]);
            }
            for (int k = 0; k < cell; k++) {
                image.setRGB(plot.x, plot.y + r * cell + k, plot.width, 1, row, 0, plot.width);
            }
        }
    }

    private static void points(Graphics2D g, DecisionGrid grid, DataSplit split, Rectangle plot) {
        Dataset all = split.all();
        double r = Math.max(1.5, plot.width / 250.0);
        double scale = Heatmap.regressionScale(grid);
        for (int i = 0; i < all.size(); i++) {
            double px = plot.x + (all.x1(i) - grid.minX1()) / (grid.maxX1() - grid.minX1()) * plot.width;
            double py = plot.y + (grid.maxX2() - all.x2(i)) / (grid.maxX2() - grid.minX2()) * plot.height;
            marker(g, px, py, r, Heatmap.labelColour(grid.head(), all.labels().get(i), scale), split.isTest(i));
        }
    }

    /** A training point is a filled dot, a test point a ring, in its class colour (its target's, for regression). */
    private static void marker(Graphics2D g, double x, double y, double r, int rgb, boolean test) {
        Ellipse2D dot = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        Color c = new Color(rgb);
        if (test) {
            g.setColor(Color.WHITE);
            g.fill(dot);
            g.setStroke(new BasicStroke((float) Math.max(1, r / 2)));
            g.setColor(c);
            g.draw(dot);
        } else {
            g.setColor(c.darker());
            g.fill(dot);
        }
    }

    private static void axes(Graphics2D g, DecisionGrid grid, Rectangle plot) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(plot.x, plot.y, plot.width - 1, plot.height - 1);
        FontMetrics fm = g.getFontMetrics();
        int bottom = plot.y + plot.height;
        for (double t : Ticks.nice(grid.minX1(), grid.maxX1(), 6)) {
            int px = (int) Math.round(plot.x + (t - grid.minX1()) / (grid.maxX1() - grid.minX1()) * plot.width);
            g.drawLine(px, bottom, px, bottom + 5);
            centred(g, Ticks.label(t), px, bottom + 7 + fm.getAscent());
        }
        centred(g, "x1", plot.x + plot.width / 2, bottom + 10 + fm.getAscent() + fm.getHeight());
        for (double t : Ticks.nice(grid.minX2(), grid.maxX2(), 6)) {
            int py = (int) Math.round(plot.y + (grid.maxX2() - t) / (grid.maxX2() - grid.minX2()) * plot.height);
            g.drawLine(plot.x - 5, py, plot.x, py);
            String label = Ticks.label(t);
            g.drawString(label, plot.x - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        var saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        centred(g, "x2", -(plot.y + plot.height / 2), 4 + fm.getAscent()); // rotated: x is -y
        g.setTransform(saved);
    }

    /**
     * Classes, markers, and the shading scale: P(class 1) from 1 (top) to 0 for a sigmoid head, the
     * prediction from +scale to -scale for regression; a softmax head's classes are its colours.
     */
    private static void legend(Graphics2D g, DecisionGrid grid, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight() + 6;
        int ty = y + fm.getAscent();
        double r = 5;
        Head head = grid.head();
        for (int k = 0; k < head.classes(); k++) {
            marker(g, x + r, ty - fm.getAscent() / 2.0 + 1, r, Heatmap.classColour(k), false);
            g.setColor(INK);
            g.drawString("class " + k, x + 18, ty);
            ty += line;
        }
        g.setColor(new Color(0x888888));
        g.fill(new Ellipse2D.Double(x, ty - fm.getAscent() / 2.0 + 1 - r, 2 * r, 2 * r));
        g.setColor(INK);
        g.drawString("train point", x + 18, ty);
        ty += line;
        g.setColor(Color.WHITE);
        Ellipse2D ring = new Ellipse2D.Double(x, ty - fm.getAscent() / 2.0 + 1 - r, 2 * r, 2 * r);
        g.fill(ring);
        g.setColor(new Color(0x888888));
        g.setStroke(new BasicStroke(2));
        g.draw(ring);
        g.setColor(INK);
        g.drawString("test point", x + 18, ty);
        ty += line + 6;
        if (head.kind() == Head.Kind.MULTICLASS) {
            g.drawString("paler: less sure", x, ty);
            return;
        }
        double scale = Heatmap.regressionScale(grid);
        g.drawString(head.classifies() ? "P(class 1)" : "prediction", x, ty);
        int barTop = ty + 8;
        int barHeight = 120;
        int barWidth = 16;
        for (int k = 0; k < barHeight; k++) {
            double t = 1 - k / (double) (barHeight - 1);
            g.setColor(new Color(head.classifies() ? Heatmap.shade(t) : Heatmap.value((2 * t - 1) * scale, scale)));
            g.fillRect(x, barTop + k, barWidth, 1);
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x - 1, barTop - 1, barWidth + 1, barHeight + 1); // outside the bar: both ends stay visible
        for (double p : new double[] {1, 0.5, 0}) {
            int py = barTop + (int) Math.round((1 - p) * (barHeight - 1));
            g.drawLine(x + barWidth, py, x + barWidth + 4, py);
            g.drawString(head.classifies() ? Ticks.label(p) : String.format(java.util.Locale.ROOT, "%.3g",
                    (2 * p - 1) * scale), x + barWidth + 7, py + fm.getAscent() / 2 - 1);
        }
        if (!head.classifies()) {
            return;
        }
        int cy = barTop + barHeight + 10 + fm.getAscent() / 2;
        g.setColor(new Color(Heatmap.CONTOUR));
        g.setStroke(new BasicStroke(2));
        g.draw(new Line2D.Double(x, cy, x + barWidth, cy));
        g.setColor(INK);
        g.drawString("p = 0.5", x + barWidth + 7, cy + fm.getAscent() / 2 - 1);
    }

    private static void centred(Graphics2D g, String text, int x, int baseline) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}
