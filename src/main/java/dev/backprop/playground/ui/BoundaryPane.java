package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.render.Heatmap;
import dev.backprop.playground.render.Ticks;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The dataset and the decision boundary: the network's probability as a continuous shading with the
 * 0.5 contour (computed on the engine thread; here only copied into a WritableImage), the points in
 * class colours (test points as rings), and axes with ticks. Redraws only when the grid, the data
 * or the size changes.
 */
public final class BoundaryPane extends Region {
    public static final String STYLE_CLASS = "boundary-pane";
    private static final double AXIS = 34;

    private final Canvas canvas = new Canvas();
    private WritableImage image;
    private DecisionGrid grid;
    private DataSplit data;
    private Color axisColor = Color.web("#444");

    public BoundaryPane() {
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        setMinSize(220, 200);
        setPrefSize(460, 420);
    }

    /**
     * Shows a new frame: {@code pixels} are the grid already coloured (on the engine thread), so
     * this only copies them into the image. Cheap when nothing changed.
     */
    public void show(DecisionGrid newGrid, int[] pixels, DataSplit newData) {
        if (newGrid == grid && newData == data) {
            return;
        }
        if (newGrid != grid && newGrid != null) {
            if (image == null || image.getWidth() != newGrid.width() || image.getHeight() != newGrid.height()) {
                image = new WritableImage(newGrid.width(), newGrid.height());
            }
            image.getPixelWriter().setPixels(0, 0, newGrid.width(), newGrid.height(),
                    PixelFormat.getIntArgbInstance(), pixels, 0, newGrid.width());
        }
        grid = newGrid;
        data = newData;
        draw();
    }

    public void setAxisColor(Color c) {
        axisColor = c;
        draw();
    }

    public DecisionGrid grid() {
        return grid;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (grid == null || data == null || w < AXIS + 20 || h < AXIS + 20) {
            return;
        }
        // the largest square plot that fits: the grid has equal units on both axes
        double side = Math.min(w - AXIS - 8, h - AXIS - 8);
        double left = AXIS + (w - AXIS - 8 - side) / 2;
        double top = 8;
        g.setImageSmoothing(true);
        g.drawImage(image, left, top, side, side);
        drawPoints(g, left, top, side);
        drawAxes(g, left, top, side);
    }

    private void drawPoints(GraphicsContext g, double left, double top, double side) {
        Dataset all = data.all();
        double r = Math.max(1.6, side / 220);
        double scale = Heatmap.regressionScale(grid);
        g.setLineWidth(1.2);
        for (int i = 0; i < all.size(); i++) {
            double px = left + (all.x1(i) - grid.minX1()) / (grid.maxX1() - grid.minX1()) * side;
            double py = top + (grid.maxX2() - all.x2(i)) / (grid.maxX2() - grid.minX2()) * side;
            int rgb = Heatmap.labelColour(grid.head(), all.labels().get(i), scale);
            Color c = Color.rgb(rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF);
            if (data.isTest(i)) {
                g.setFill(Color.WHITE);
                g.fillOval(px - r, py - r, 2 * r, 2 * r);
                g.setStroke(c);
                g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            } else {
                g.setFill(c.darker());
                g.fillOval(px - r, py - r, 2 * r, 2 * r);
            }
        }
    }

    private void drawAxes(GraphicsContext g, double left, double top, double side) {
        g.setStroke(axisColor);
        g.setFill(axisColor);
        g.setLineWidth(1);
        g.strokeRect(left, top, side, side);
        g.setFont(Font.font(11)); // every number on screen at 11 px or more
        double[] xt = Ticks.nice(grid.minX1(), grid.maxX1(), 6);
        g.setTextAlign(TextAlignment.CENTER);
        for (double t : xt) {
            double px = left + (t - grid.minX1()) / (grid.maxX1() - grid.minX1()) * side;
            g.strokeLine(px, top + side, px, top + side + 4);
            g.fillText(Ticks.label(t), px, top + side + 15);
        }
        g.fillText("x1", left + side / 2, top + side + 28);
        g.setTextAlign(TextAlignment.RIGHT);
        double[] yt = Ticks.nice(grid.minX2(), grid.maxX2(), 6);
        for (double t : yt) {
            double py = top + (grid.maxX2() - t) / (grid.maxX2() - grid.minX2()) * side;
            g.strokeLine(left - 4, py, left, py);
            g.fillText(Ticks.label(t), left - 6, py + 3);
        }
        g.save();
        g.translate(10, top + side / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("x2", 0, 0);
        g.restore();
    }
}
