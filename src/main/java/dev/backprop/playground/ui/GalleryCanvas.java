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
 * probability. A wrong prediction gets a red frame and red text, the traced image a blue frame.
 */
final class GalleryCanvas extends Region {
    /** A cell's width: room for Fashion-MNIST's names ("T-shirt/top 100%") at 11 px; digits need less. */
    static final double WIDE_CELL = 96;
    static final double NARROW_CELL = 70;
    static final double IMAGE_SIDE = 56;
    static final double TEXT_SIZE = 11;
    static final double CELL_HEIGHT = IMAGE_SIDE + 2 * (TEXT_SIZE + 3) + 10;
    private static final Color WRONG = Color.web("#c62828");
    private static final Color TRACED = Color.web("#1565c0");

    private final Canvas canvas = new Canvas();
    private final Font font = Font.font(TEXT_SIZE);
    private List<Integer> rows = List.of();
    private IntConsumer onPick = row -> { };
    private Runnable onResized = () -> { };
    private int lastPageSize = -1;
    private double cellWidth = NARROW_CELL;

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
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
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
            boolean wrong = p != null && p.predicted(row) != truth;
            if (wrong || row == traced) {
                g.setStroke(row == traced ? TRACED : WRONG);
                g.setLineWidth(row == traced ? 3 : 2);
                g.strokeRect(ix - 2, iy - 2, shape[1] * scale + 4, shape[0] * scale + 4);
            }
            double tx = x0 + cellWidth / 2;
            double ty = iy + shape[0] * scale + TEXT_SIZE + 3;
            g.setFill(Color.web("#555"));
            g.fillText(ClassNames.of(kind, truth), tx, ty, cellWidth - 4);
            if (p != null) {
                g.setFill(wrong ? WRONG : Color.web("#2e7d32"));
                double prob = p.probability(row);
                String text = (wrong ? "\u2717 " : "\u2713 ") + ClassNames.of(kind, p.predicted(row))
                        + (Double.isNaN(prob) ? "" : String.format(Locale.ROOT, " %.0f%%", 100 * prob));
                g.fillText(text, tx, ty + TEXT_SIZE + 3, cellWidth - 4);
            }
        }
    }

    /** Row {@code row}'s pixels in [0, 1] as dark ink on white, each {@code scale} x {@code scale} screen pixels. */
    private static void drawImage(PixelWriter w, DataSplit data, int row, int[] shape, int scale, int x0, int y0) {
        double[] px = data.all().features().data;
        int d = shape[0] * shape[1];
        for (int r = 0; r < shape[0]; r++) {
            for (int c = 0; c < shape[1]; c++) {
                double v = Math.max(0, Math.min(1, px[row * d + r * shape[1] + c]));
                int grey = (int) Math.round(255 * (1 - v));
                int argb = 0xFF000000 | grey << 16 | grey << 8 | grey;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        w.setArgb(x0 + c * scale + dx, y0 + r * scale + dy, argb);
                    }
                }
            }
        }
    }
}
