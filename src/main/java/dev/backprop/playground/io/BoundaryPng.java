package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.render.Heatmap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * boundary.png: the decision heatmap at grid resolution (one pixel per cell), with the training
 * points as filled dots and the test points as rings, in the class colours. Works headless.
 */
public final class BoundaryPng {
    private BoundaryPng() {
    }

    public static BufferedImage render(DecisionGrid grid, DataSplit split) {
        int w = grid.width();
        int h = grid.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, Heatmap.pixels(grid), 0, w);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Dataset all = split.all();
        double r = Math.max(1.5, w / 250.0);
        for (int i = 0; i < all.size(); i++) {
            double px = (all.x1(i) - grid.minX1()) / (grid.maxX1() - grid.minX1()) * w;
            double py = (grid.maxX2() - all.x2(i)) / (grid.maxX2() - grid.minX2()) * h;
            Ellipse2D dot = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            Color c = new Color(all.label(i) == 1 ? Heatmap.CLASS1 : Heatmap.CLASS0);
            if (split.isTest(i)) {
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
}
