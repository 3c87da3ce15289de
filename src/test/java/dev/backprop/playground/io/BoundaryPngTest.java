package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.render.Heatmap;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boundary.png read back: the heatmap is the grid, surrounded by axes and a legend. */
class BoundaryPngTest {
    @TempDir
    Path dir;

    private final DataSplit split = DataSplit.of(DatasetKind.MOONS.generate(40, 0.1, new Random(3)), 0.25, new Random(4));
    private final DecisionGrid grid = DecisionGridEvaluator.around(split.all(), 200, 200)
            .evaluate(new NetworkSpec(2, new int[] {8}, Activation.TANH, Loss.BCE, Initializer.NORMAL).build(new Random(5)));

    private BufferedImage written() throws Exception {
        Path file = dir.resolve("boundary.png");
        BoundaryPng.write(file, grid, split);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no .part file left beside it");
        }
        return ImageIO.read(file.toFile());
    }

    @Test
    void theHeatmapRegionIsTheGridCellForCellAwayFromThePoints() throws Exception {
        BufferedImage png = written();
        Rectangle plot = BoundaryPng.plotArea(grid);
        int cell = BoundaryPng.cellPixels(grid);
        assertEquals(2, cell, "a 200x200 grid is drawn with 2x2-pixel cells");
        assertTrue(png.getWidth() >= plot.x + plot.width + 100 && plot.x >= 40, "margins for the axes and the legend");
        assertTrue(png.getHeight() >= plot.y + plot.height + 30);
        int[] expected = Heatmap.pixels(grid);
        int checked = 0;
        for (int row = 1; row < grid.height() - 1; row++) {
            for (int col = 1; col < grid.width() - 1; col++) {
                if (nearAPoint(col, row)) {
                    continue;
                }
                for (int k = 0; k < cell * cell; k++) {
                    int x = plot.x + col * cell + k % cell;
                    int y = plot.y + row * cell + k / cell;
                    assertEquals(expected[row * grid.width() + col] & 0xFFFFFF, png.getRGB(x, y) & 0xFFFFFF,
                            "cell " + col + "," + row);
                }
                checked++;
            }
        }
        assertTrue(checked > 30_000, "most cells are away from the 40 points: " + checked);
    }

    private boolean nearAPoint(int col, int row) {
        for (int i = 0; i < split.all().size(); i++) {
            double c = (split.all().x1(i) - grid.minX1()) / (grid.maxX1() - grid.minX1()) * grid.width();
            double r = (grid.maxX2() - split.all().x2(i)) / (grid.maxX2() - grid.minX2()) * grid.height();
            if (Math.abs(c - col) < 4 && Math.abs(r - row) < 4) {
                return true;
            }
        }
        return false;
    }

    @Test
    void axesHaveTickLabelsOfReadableSizeAndTheLegendShowsTheClassesAndTheScale() throws Exception {
        BufferedImage png = written();
        Rectangle plot = BoundaryPng.plotArea(grid);
        assertEquals(0xFFFFFF, png.getRGB(2, 2) & 0xFFFFFF, "paper around the plot");
        // the x tick labels: dark text in the band under the plot, as tall as an 11 px font's digits or more
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = plot.y + plot.height + 6; y < plot.y + plot.height + 26; y++) {
            for (int x = plot.x; x < plot.x + plot.width; x++) {
                if (dark(png.getRGB(x, y))) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertTrue(bottom - top + 1 >= 8, "tick digits at least 8 px tall (11 px text): " + (bottom - top + 1));
        assertTrue(count(png, 0, plot.y, plot.x - 6, plot.y + plot.height, BoundaryPngTest::dark) > 50,
                "x2 tick labels left of the plot");
        // the legend right of the plot: both class colours and the shading scale's ends
        int lx = plot.x + plot.width + 10;
        int w = png.getWidth();
        int h = png.getHeight();
        assertTrue(count(png, lx, 0, w, h, rgb -> rgb == (Heatmap.shade(1) | 0xFF000000)) >= 10, "P = 1 end of the scale");
        assertTrue(count(png, lx, 0, w, h, rgb -> rgb == (Heatmap.shade(0) | 0xFF000000)) >= 10, "P = 0 end of the scale");
        int class0 = new java.awt.Color(Heatmap.CLASS0).darker().getRGB();
        int class1 = new java.awt.Color(Heatmap.CLASS1).darker().getRGB();
        assertTrue(count(png, lx, 0, w, h, rgb -> rgb == class0) > 10, "class 0 swatch");
        assertTrue(count(png, lx, 0, w, h, rgb -> rgb == class1) > 10, "class 1 swatch");
    }

    private static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r + g + b < 3 * 110;
    }

    private static int count(BufferedImage png, int x0, int y0, int x1, int y1, java.util.function.IntPredicate p) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += p.test(png.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }
}
