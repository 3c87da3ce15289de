package dev.backprop.playground.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A grid of small pictures with a caption under each and a title line, written as a PNG: the layout
 * weights.png and samples.png share. Each picture is a rows x cols array of 0xRRGGBB colours, drawn
 * with square cells of a whole number of pixels; text is 13 px. Works headless.
 */
final class PictureGrid {
    static final int FONT_PX = 13;
    /** A picture's side is scaled up to about this many pixels (8x8 -> 7 px cells, 28x28 -> 2 px). */
    static final int TARGET_SIDE = 60;
    private static final int GAP = 10;
    private static final int CAPTION = 2 * FONT_PX + 6;
    private static final int TITLE = 2 * FONT_PX + 8;
    private static final Color INK = new Color(0x333333);

    private final BufferedImage image;
    private final Graphics2D g;
    private final int rows;
    private final int cols;
    private final int cell;
    private final int perRow;
    private final int tileW;
    private final int tileH;

    /** A grid for {@code count} pictures of {@code rows x cols}, {@code title} on top. */
    PictureGrid(int count, int rows, int cols, String title) {
        this.rows = rows;
        this.cols = cols;
        this.cell = Math.max(1, TARGET_SIDE / Math.max(rows, cols));
        this.perRow = Math.max(1, (int) Math.ceil(Math.sqrt(count)));
        this.tileW = Math.max(cols * cell, 90) + GAP;
        this.tileH = rows * cell + CAPTION + GAP;
        int lines = (count + perRow - 1) / perRow;
        int width = Math.max(GAP + perRow * tileW, 7 * title.length() + 2 * GAP);
        image = new BufferedImage(width, TITLE + lines * tileH + GAP, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_PX));
        g.setColor(INK);
        g.drawString(title, GAP, FONT_PX + 6);
    }

    /**
     * Draws picture {@code index}: {@code rgb} row by row, a frame ({@code frame} colour, 2 px when
     * {@code strong}), and up to two caption lines under it.
     */
    void draw(int index, int[] rgb, Color frame, boolean strong, String line1, String line2) {
        int x = GAP + (index % perRow) * tileW;
        int y = TITLE + (index / perRow) * tileH;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                g.setColor(new Color(rgb[r * cols + c]));
                g.fillRect(x + c * cell, y + r * cell, cell, cell);
            }
        }
        g.setColor(frame);
        int t = strong ? 2 : 1;
        for (int k = 1; k <= t; k++) {
            g.drawRect(x - k, y - k, cols * cell + 2 * k - 1, rows * cell + 2 * k - 1);
        }
        g.setColor(strong ? frame : INK);
        int base = y + rows * cell + FONT_PX + 3;
        g.drawString(line1, x, base);
        if (line2 != null) {
            g.drawString(line2, x, base + FONT_PX + 2);
        }
    }

    /** Writes the PNG atomically. */
    void write(Path file) throws IOException {
        g.dispose();
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
