package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.NetworkCurve;
import dev.backprop.playground.render.Ticks;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Data with one input drawn as a notebook plots it: y against x, training points as dots and test
 * points as rings, and the network's output along x as a line (the engine's {@link NetworkCurve}).
 * Self-contained: give it the snapshot's curve and points; it draws on a canvas at any size.
 */
public final class CurveView extends Pane {
    static final Color TRAIN = LossChartPane.TRAIN;
    static final Color TEST = LossChartPane.TEST;
    static final Color CURVE = Color.web("#c2185b");
    private static final double LEFT = 48;
    private static final double RIGHT = 14;
    private static final double TOP = 26;
    private static final double BOTTOM = 34;
    private static final double FONT_SIZE = 12;
    private static final double DOT = 3.5;

    private final Canvas canvas = new Canvas();
    private NetworkCurve curve = NetworkCurve.NONE;
    private DataSplit data;
    private Color axisColor = Color.web("#444");

    public CurveView() {
        getStyleClass().add("curve-view");
        getChildren().add(canvas);
        CanvasFill.follow(this, canvas, this::draw);
        setMinSize(200, 160);
    }

    /** Shows {@code newData}'s points and the network's {@code newCurve}; the same ones again cost nothing. */
    public void show(NetworkCurve newCurve, DataSplit newData) {
        if (newCurve == curve && newData == data) {
            return;
        }
        curve = newCurve == null ? NetworkCurve.NONE : newCurve;
        data = newData;
        draw();
    }

    public void setAxisColor(Color c) {
        axisColor = c;
        draw();
    }

    NetworkCurve curve() {
        return curve;
    }

    /** {minX, maxX, minY, maxY} of what is drawn: the curve's span (or the points'), every point and the curve's values. */
    double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                      Double.NEGATIVE_INFINITY};
        Dataset all = data == null ? null : data.all();
        if (all != null) {
            for (int i = 0; i < all.size(); i++) {
                include(b, all.x1(i), all.labels().get(i, 0));
            }
        }
        for (int i = 0; i < curve.size(); i++) {
            if (Double.isFinite(curve.y(i))) {
                include(b, curve.x(i), curve.y(i));
            }
        }
        if (!(b[1] >= b[0])) {
            return new double[] {-1, 1, -1, 1};
        }
        double padY = b[3] > b[2] ? 0.05 * (b[3] - b[2]) : 1;
        double padX = b[1] > b[0] ? 0 : 1;
        return new double[] {b[0] - padX, b[1] + padX, b[2] - padY, b[3] + padY};
    }

    private static void include(double[] b, double x, double y) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.max(b[1], x);
        b[2] = Math.min(b[2], y);
        b[3] = Math.max(b[3], y);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (pw < 20 || ph < 20) {
            return;
        }
        double[] b = bounds();
        g.setFont(Font.font(FONT_SIZE));
        g.setStroke(axisColor);
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, pw, ph);
        g.setFill(axisColor);
        g.setTextAlign(TextAlignment.CENTER);
        for (double t : Ticks.nice(b[0], b[1], 6)) {
            g.fillText(Ticks.label(t), mapX(t, b, pw), TOP + ph + 15);
        }
        g.fillText("x", LEFT + pw / 2, TOP + ph + 30);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setStroke(axisColor.deriveColor(0, 1, 1, 0.15));
        for (double t : Ticks.nice(b[2], b[3], 5)) {
            double py = mapY(t, b, ph);
            g.strokeLine(LEFT, py, LEFT + pw, py);
            g.fillText(Ticks.label(t), LEFT - 5, py + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("y", 6, TOP + 4);
        legend(g);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, pw, ph);
        g.clip();
        points(g, b, pw, ph);
        line(g, b, pw, ph);
        g.restore();
    }

    private void legend(GraphicsContext g) {
        double x = LEFT;
        double y = TOP - 9;
        g.setFill(TRAIN);
        g.fillOval(x, y - DOT, 2 * DOT, 2 * DOT);
        g.setFill(axisColor);
        g.fillText("training points", x + 10, y + 4);
        x += 104;
        g.setStroke(TEST);
        g.setLineWidth(1.5);
        g.strokeOval(x, y - DOT, 2 * DOT, 2 * DOT);
        g.fillText("test points", x + 10, y + 4);
        x += 82;
        g.setStroke(CURVE);
        g.setLineWidth(2.5);
        g.strokeLine(x, y, x + 16, y);
        g.fillText("the network's output", x + 22, y + 4);
    }

    private void points(GraphicsContext g, double[] b, double pw, double ph) {
        if (data == null) {
            return;
        }
        Dataset all = data.all();
        g.setLineWidth(1.5);
        for (int i = 0; i < all.size(); i++) {
            double px = mapX(all.x1(i), b, pw);
            double py = mapY(all.labels().get(i, 0), b, ph);
            if (data.isTest(i)) {
                g.setStroke(TEST);
                g.strokeOval(px - DOT, py - DOT, 2 * DOT, 2 * DOT);
            } else {
                g.setFill(TRAIN);
                g.fillOval(px - DOT, py - DOT, 2 * DOT, 2 * DOT);
            }
        }
    }

    private void line(GraphicsContext g, double[] b, double pw, double ph) {
        g.setStroke(CURVE);
        g.setLineWidth(2.5);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < curve.size(); i++) {
            double y = curve.y(i);
            if (!Double.isFinite(y)) {
                started = false;
                continue;
            }
            double px = mapX(curve.x(i), b, pw);
            double py = mapY(y, b, ph);
            if (started) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                started = true;
            }
        }
        g.stroke();
    }

    private static double mapX(double x, double[] b, double pw) {
        return LEFT + (x - b[0]) / (b[1] - b[0]) * pw;
    }

    private static double mapY(double y, double[] b, double ph) {
        return TOP + (b[3] - y) / (b[3] - b[2]) * ph;
    }
}
