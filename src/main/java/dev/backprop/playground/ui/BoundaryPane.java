package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.render.Heatmap;
import dev.backprop.playground.render.Ticks;
import dev.backprop.playground.train.Snapshot;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The dataset and the decision boundary: the network's probability as a continuous shading with the
 * 0.5 contour (computed on the engine thread; here only copied into a WritableImage), the points in
 * class colours (test points as rings), and axes with ticks. Two layers, so that a new grid (up to 30 a
 * second while training at full speed) costs one copy of its pixels into the image the pane keeps: the
 * shading is that image, scaled by an ImageView; the points, the trace and the axes are a canvas over it,
 * redrawn only when the data, the plane's bounds, the colours, the traced point or the size change. A click picks a point (or a place) to trace; the mouse
 * over the plot reports the network's output there.
 */
public final class BoundaryPane extends Region {
    public static final String STYLE_CLASS = "boundary-pane";
    private static final double AXIS = 34;
    /** A click this close to a point (pixels) picks the point rather than a place on the plane. */
    private static final double PICK_RADIUS = 7;

    private final Canvas canvas = new Canvas();
    /** The shading: {@link #image}, reused while the grid's size stays, drawn scaled to the plot. */
    private final ImageView shading = new ImageView();
    private WritableImage image;
    /** What the canvas was last drawn for: a new grid with the same key leaves it as it is. */
    private CanvasKey drawnKey;
    private int canvasDraws;
    private DecisionGrid grid;
    private DataSplit data;
    private Color axisColor = Color.web("#444");
    /** Where the plot was last drawn (pixels), to map the mouse to the plane. */
    private double plotLeft;
    private double plotTop;
    private double plotSide;
    /** The traced point, marked with a ring and cross, or null. */
    private Snapshot.Trace trace;
    private Consumer<Pick> onPick = p -> { };
    private Consumer<Hover> onHover = h -> { };

    /** A click on the plot: the data point under the mouse ({@code index} its row), or a place ({@code index} -1). */
    public record Pick(double x1, double x2, int index, double label) {
    }

    /**
     * The mouse over the plot: where, and the network's output there in words (from the last grid:
     * "P(class 1) = 0.873", "class 2, P = 0.810", "0.532"), or null when it left.
     */
    public record Hover(double x1, double x2, String output) {
    }

    public BoundaryPane() {
        getStyleClass().add(STYLE_CLASS);
        shading.setSmooth(true);
        shading.setPreserveRatio(false);
        shading.setMouseTransparent(true);
        getChildren().addAll(shading, canvas);
        setMinSize(220, 200);
        setPrefSize(460, 420);
        canvas.setOnMousePressed(e -> editPressed(e.getX(), e.getY(),
                e.getButton() == MouseButton.SECONDARY || e.isAltDown()));
        canvas.setOnMouseDragged(e -> editDragged(e.getX(), e.getY(), e.isPrimaryButtonDown() && !e.isAltDown()));
        canvas.setOnMouseClicked(e -> {
            Pick p = editTarget != null ? null : pickAt(e.getX(), e.getY());
            if (p != null && e.getButton() == MouseButton.PRIMARY) {
                onPick.accept(p);
            }
        });
        canvas.setOnMouseMoved(e -> onHover.accept(hoverAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> onHover.accept(null));
    }

    public void setOnPick(Consumer<Pick> handler) {
        onPick = handler;
    }

    /** Edit mode's receiver of clicks on the plane, in plane coordinates. */
    public interface EditTarget {
        void add(double x1, double x2);

        void delete(double x1, double x2);
    }

    /** Pixels a drag moves before it paints the next point. */
    static final double PAINT_SPACING = 14;

    /** Edit mode: clicks add (drags paint) and right- or Alt-clicks delete, instead of tracing; null: off. */
    private EditTarget editTarget;
    private double lastPaintX = Double.NaN;
    private double lastPaintY = Double.NaN;

    /** Turns edit mode on ({@code target} gets the clicks) or off (null: a click traces a point again). */
    public void setEditTarget(EditTarget target) {
        editTarget = target;
        canvas.setCursor(target == null ? null : javafx.scene.Cursor.CROSSHAIR);
    }

    private void editPressed(double px, double py, boolean delete) {
        double[] at = editTarget == null ? null : toPlane(px, py);
        if (at == null) {
            return;
        }
        if (delete) {
            editTarget.delete(at[0], at[1]);
        } else {
            editTarget.add(at[0], at[1]);
            lastPaintX = px;
            lastPaintY = py;
        }
    }

    private void editDragged(double px, double py, boolean painting) {
        double[] at = editTarget == null || !painting ? null : toPlane(px, py);
        if (at != null && !(Math.hypot(px - lastPaintX, py - lastPaintY) < PAINT_SPACING)) {
            editTarget.add(at[0], at[1]);
            lastPaintX = px;
            lastPaintY = py;
        }
    }

    public void setOnHover(Consumer<Hover> handler) {
        onHover = handler;
    }

    /** Marks the traced point (null: none). */
    public void showTrace(Snapshot.Trace newTrace) {
        if (!Objects.equals(newTrace, trace)) {
            trace = newTrace;
            draw();
        }
    }

    /** The point the pane marks as traced, or null. */
    public Snapshot.Trace trace() {
        return trace;
    }

    /** Screen position (in the pane) of plane point (x1, x2), as last drawn; null before a grid. */
    public Point2D toScreen(double x1, double x2) {
        if (grid == null || plotSide <= 0) {
            return null;
        }
        return new Point2D(plotLeft + (x1 - grid.minX1()) / (grid.maxX1() - grid.minX1()) * plotSide,
                plotTop + (grid.maxX2() - x2) / (grid.maxX2() - grid.minX2()) * plotSide);
    }

    private double[] toPlane(double px, double py) {
        if (grid == null || plotSide <= 0 || px < plotLeft || py < plotTop || px > plotLeft + plotSide
                || py > plotTop + plotSide) {
            return null;
        }
        return new double[] {grid.minX1() + (px - plotLeft) / plotSide * (grid.maxX1() - grid.minX1()),
                grid.maxX2() - (py - plotTop) / plotSide * (grid.maxX2() - grid.minX2())};
    }

    /** The data point within {@link #PICK_RADIUS} px of the mouse (the nearest), else the place itself. */
    private Pick pickAt(double px, double py) {
        double[] at = toPlane(px, py);
        if (at == null) {
            return null;
        }
        Dataset all = data.all();
        int best = -1;
        double bestDistance = PICK_RADIUS * PICK_RADIUS;
        for (int i = 0; i < all.size(); i++) {
            Point2D p = toScreen(all.x1(i), all.x2(i));
            double d = (p.getX() - px) * (p.getX() - px) + (p.getY() - py) * (p.getY() - py);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best >= 0 ? new Pick(all.x1(best), all.x2(best), best, all.label(best)) : new Pick(at[0], at[1], -1, -1);
    }

    private Hover hoverAt(double px, double py) {
        double[] at = toPlane(px, py);
        if (at == null) {
            return null;
        }
        // the grid cell the mouse is in (cells are centred on x1At/x2At)
        int col = (int) Math.floor((at[0] - grid.minX1()) / (grid.maxX1() - grid.minX1()) * grid.width());
        int row = (int) Math.floor((grid.maxX2() - at[1]) / (grid.maxX2() - grid.minX2()) * grid.height());
        return new Hover(at[0], at[1], grid.describe(Math.max(0, Math.min(grid.width() - 1, col)),
                Math.max(0, Math.min(grid.height() - 1, row))));
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
                shading.setImage(image);
            }
            image.getPixelWriter().setPixels(0, 0, newGrid.width(), newGrid.height(),
                    PixelFormat.getIntArgbInstance(), pixels, 0, newGrid.width());
        }
        grid = newGrid;
        data = newData;
        if (drawnKey == null || !drawnKey.same(canvasKey())) {
            draw(); // else only the shading changed: the image was its whole update
        }
    }

    /** What the canvas shows besides the size, the trace and the ink: the points, the plane, their colours. */
    private record CanvasKey(DataSplit data, double minX1, double maxX1, double minX2, double maxX2, Object head,
                             double scale) {
        /** The same drawing: the very same points (by identity: comparing thousands of them would cost a draw). */
        boolean same(CanvasKey o) {
            return o != null && o.data == data && o.minX1 == minX1 && o.maxX1 == maxX1 && o.minX2 == minX2
                    && o.maxX2 == maxX2 && Objects.equals(o.head, head) && o.scale == scale;
        }
    }

    private CanvasKey canvasKey() {
        return grid == null || data == null ? null : new CanvasKey(data, grid.minX1(), grid.maxX1(), grid.minX2(),
                grid.maxX2(), grid.head(), Heatmap.regressionScale(grid));
    }

    /** How often the canvas (points, trace, axes) was drawn since the pane was made: tests count redraws skipped. */
    int canvasDraws() {
        return canvasDraws;
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
        canvasDraws++;
        drawnKey = canvasKey();
        if (grid == null || data == null || w < AXIS + 20 || h < AXIS + 20) {
            shading.setVisible(false);
            return;
        }
        // the largest square plot that fits: the grid has equal units on both axes
        double side = Math.min(w - AXIS - 8, h - AXIS - 8);
        double left = AXIS + (w - AXIS - 8 - side) / 2;
        double top = 8;
        shading.setVisible(image != null);
        shading.relocate(left, top);
        shading.setFitWidth(side);
        shading.setFitHeight(side);
        plotLeft = left;
        plotTop = top;
        plotSide = side;
        drawPoints(g, left, top, side);
        drawTrace(g);
        drawAxes(g, left, top, side);
    }

    /** The side of the square plot as last drawn, in pixels (0 before the first grid). */
    double plotSide() {
        return plotSide;
    }

    /** The traced point: a ring with a cross, in the ink colour over a white halo, so it shows on any shade. */
    private void drawTrace(GraphicsContext g) {
        if (trace == null) {
            return;
        }
        Point2D p = toScreen(trace.x1(), trace.x2());
        double r = 9;
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? Color.WHITE : Color.web("#111"));
            g.setLineWidth(pass == 0 ? 4.5 : 2);
            g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            g.strokeLine(p.getX() - r - 5, p.getY(), p.getX() - r + 3, p.getY());
            g.strokeLine(p.getX() + r - 3, p.getY(), p.getX() + r + 5, p.getY());
            g.strokeLine(p.getX(), p.getY() - r - 5, p.getX(), p.getY() - r + 3);
            g.strokeLine(p.getX(), p.getY() + r - 3, p.getX(), p.getY() + r + 5);
        }
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
