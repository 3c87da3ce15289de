package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.train.Predictions;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The gallery's page of images: a grid of cells, each an image drawn at a whole-pixel scale (8x8 at 7x,
 * 28x28 at 2x: 56 px either way) above two 11 px lines, the true class and the prediction with its
 * probability. A wrong prediction gets a red frame and red text, the traced image a blue frame. The
 * page has paper of its own, white or near-black with the theme, so each ink keeps its contrast.
 */
final class GalleryCanvas extends Region {
    /** A cell's width: room for Fashion-MNIST's names ("T-shirt/top 100%") at 11 px; digits need less. */
    static final double WIDE_CELL = 96;
    static final double NARROW_CELL = 70;
    static final double IMAGE_SIDE = 56;
    static final double TEXT_SIZE = 11;
    static final double CELL_HEIGHT = IMAGE_SIDE + 2 * (TEXT_SIZE + 3) + 10;
    /** The page's colours in a theme: paper, ink of the images and the true class, right, wrong, traced. */
    record Palette(Color paper, Color ink, Color right, Color wrong, Color traced) {
        /** Dark ink on white paper; each text colour at least 4.5:1 on the paper. */
        static final Palette LIGHT = new Palette(Color.WHITE, Color.web("#222222"), Color.web("#1b5e20"),
                Color.web("#c62828"), Color.web("#1565c0"));
        /** The dark theme's: light ink on near-black paper, as MNIST's own pictures are drawn. */
        static final Palette DARK = new Palette(Color.web("#17181a"), Color.web("#e8e8e8"), Color.web("#81c784"),
                Color.web("#ff8a80"), Color.web("#64b5f6"));
    }

    private final Canvas canvas = new Canvas();
    private final Font font = Font.font(TEXT_SIZE);
    private List<Integer> rows = List.of();
    private IntConsumer onPick = row -> { };
    private Runnable onResized = () -> { };
    private int lastPageSize = -1;
    private double cellWidth = NARROW_CELL;
    private Palette palette = Palette.LIGHT;
    /** The last page drawn, drawn again when the theme changes. */
    private Runnable redraw = () -> { };

    GalleryCanvas() {
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(4 * NARROW_CELL, 4 * CELL_HEIGHT);
        canvas.setOnMouseClicked(e -> {
            int row = rowAt(e.getX(), e.getY());
            if (row >= 0) {
                onPick.accept(row);
            }
        });
    }

    void setOnPick(IntConsumer pick) {
        onPick = pick;
    }

    /** Called when the page holds another number of images (the pane was resized). */
    void setOnResized(Runnable r) {
        onResized = r;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (pageSize() != lastPageSize) {
                lastPageSize = pageSize();
                onResized.run();
            }
        }
    }

    int columns() {
        return Math.max(1, (int) (canvas.getWidth() / cellWidth));
    }

    int pageSize() {
        return columns() * Math.max(1, (int) (canvas.getHeight() / CELL_HEIGHT));
    }

    /** The data row drawn at ({@code x}, {@code y}), or -1. */
    int rowAt(double x, double y) {
        int c = (int) (x / cellWidth);
        int r = (int) (y / CELL_HEIGHT);
        int k = r * columns() + c;
        return c < columns() && k >= 0 && k < rows.size() ? rows.get(k) : -1;
    }

    /** Where row {@code k} of the page is drawn: its cell's centre, in this region's coordinates. */
    double[] cellCentre(int k) {
        return new double[] {(k % columns() + 0.5) * cellWidth, (k / columns() + 0.5) * CELL_HEIGHT};
    }

    /** Light or dark paper and inks; draws the page again. */
    void setDark(boolean dark) {
        Palette next = dark ? Palette.DARK : Palette.LIGHT;
        if (next != palette) {
            palette = next;
            redraw.run();
        }
    }

    Palette palette() {
        return palette;
    }

    /** The cell width for class names of {@code kind}'s data; true when it changed (the page holds another count). */
    boolean fitNames(DatasetKind kind) {
        double w = kind == DatasetKind.FASHION ? WIDE_CELL : NARROW_CELL;
        if (w == cellWidth) {
            return false;
        }
        cellWidth = w;
        lastPageSize = pageSize();
        return true;
    }

    void draw(DataSplit data, Predictions p, List<Integer> pageRows, DatasetKind kind, int traced) {
        rows = List.copyOf(pageRows);
        redraw = () -> draw(data, p, pageRows, kind, traced);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.paper());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int[] shape = data.all().inputs().shape();
        if (shape == null) {
            return;
        }
        int scale = Math.max(1, (int) (IMAGE_SIDE / Math.max(shape[0], shape[1])));
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        for (int k = 0; k < rows.size(); k++) {
            int row = rows.get(k);
            double x0 = (k % columns()) * cellWidth;
            double y0 = (k / columns()) * CELL_HEIGHT;
            double ix = Math.floor(x0 + (cellWidth - shape[1] * scale) / 2);
            double iy = y0 + 4;
            drawImage(g.getPixelWriter(), data, row, shape, scale, (int) ix, (int) iy);
            int truth = data.all().label(row);
            boolean wrong = p != null && p.wrong(data, row);
            if (wrong || row == traced) {
                g.setStroke(row == traced ? palette.traced() : palette.wrong());
                g.setLineWidth(row == traced ? 3 : 2);
                g.strokeRect(ix - 2, iy - 2, shape[1] * scale + 4, shape[0] * scale + 4);
            }
            double tx = x0 + cellWidth / 2;
            double ty = iy + shape[0] * scale + TEXT_SIZE + 3;
            g.setFill(palette.ink());
            g.fillText(ClassNames.of(kind, truth), tx, ty, cellWidth - 4);
            if (p != null && p.predicted(row) >= 0) {
                g.setFill(wrong ? palette.wrong() : palette.right());
                double prob = p.probability(row);
                String text = (wrong ? "\u2717 " : "\u2713 ") + ClassNames.of(kind, p.predicted(row))
                        + (Double.isNaN(prob) ? "" : String.format(Locale.ROOT, " %.0f%%", 100 * prob));
                g.fillText(text, tx, ty + TEXT_SIZE + 3, cellWidth - 4);
            }
        }
    }

    /** Row {@code row}'s pixels in [0, 1] as the palette's ink on its paper, each {@code scale} x {@code scale} screen pixels. */
    private void drawImage(PixelWriter w, DataSplit data, int row, int[] shape, int scale, int x0, int y0) {
        double[] px = data.all().features().data;
        int d = shape[0] * shape[1];
        for (int r = 0; r < shape[0]; r++) {
            for (int c = 0; c < shape[1]; c++) {
                double v = Math.max(0, Math.min(1, px[row * d + r * shape[1] + c]));
                int argb = argb(palette.paper().interpolate(palette.ink(), v));
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        w.setArgb(x0 + c * scale + dx, y0 + r * scale + dy, argb);
                    }
                }
            }
        }
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
