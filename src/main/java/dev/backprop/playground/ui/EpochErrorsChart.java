package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.EpochErrors;
import dev.backprop.playground.render.Ticks;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The perceptron's misclassifications per epoch, seed 004's {@code plt.plot(range(1, len(errors_) + 1),
 * errors_, marker='o')}: one point per completed epoch, falling to 0 once the data is separated. A long
 * run is drawn by the largest count per pixel column, so a late error still shows.
 */
public final class EpochErrorsChart extends Pane {
    private static final double LEFT = 52;
    private static final double RIGHT = 44;
    private static final double TOP = 20;
    private static final double BOTTOM = 30;
    private static final double FONT_SIZE = 11;
    /** Air between the title and the chart's edges. */
    private static final double MARGIN = 4;
    static final Color ERRORS = Color.web("#b23b3b");

    private final Canvas canvas = new Canvas();
    private EpochErrors.View errors = EpochErrors.View.EMPTY;
    private int shownSize = -1;
    private Color axisColor = Color.web("#444");
    private String title = "";

    public EpochErrorsChart() {
        getStyleClass().add("epoch-errors-chart");
        getChildren().add(canvas);
        CanvasFill.follow(this, canvas, this::draw);
        setMinHeight(110);
        setPrefHeight(150);
    }

    /** Shows the epochs so far; the same count again draws nothing new. */
    public void show(EpochErrors.View view) {
        EpochErrors.View v = view == null ? EpochErrors.View.EMPTY : view;
        if (v.size() == shownSize && v == errors) {
            return;
        }
        errors = v;
        shownSize = v.size();
        draw();
    }

    /**
     * The longest title that fits the chart {@code w} wide from the plot's left edge, or from the chart's
     * own when even the shortest does not (a lesson's narrow column): the last count is never cut.
     */
    private String title(GraphicsContext g, double w) {
        int n = errors.size();
        String last = n == 0 ? "" : "; last: " + errors.errors(n - 1);
        String[] titles = n == 0
                ? new String[] {"misclassifications per epoch: none completed yet", "misclassifications per epoch: none yet",
                    "errors per epoch: none yet"}
                : new String[] {"misclassifications per epoch (the perceptron's updates)" + last,
                    "misclassifications per epoch" + last, "errors per epoch" + last};
        for (String t : titles) {
            if (LEFT + width(g, t) <= w - MARGIN) {
                return t;
            }
        }
        return titles[titles.length - 1];
    }

    private static double titleX(GraphicsContext g, String title) {
        return Math.max(MARGIN, Math.min(LEFT, g.getCanvas().getWidth() - MARGIN - width(g, title)));
    }

    private static double width(GraphicsContext g, String text) {
        return TextWidth.of(text, g.getFont());
    }

    /** The title as last drawn, and where it starts and ends on the canvas: for tests. */
    String title() {
        return title;
    }

    double[] titleSpan() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFont(Font.font(FONT_SIZE));
        double x = titleX(g, title);
        return new double[] {x, x + width(g, title)};
    }

    double canvasWidth() {
        return canvas.getWidth();
    }

    /** Epochs shown. */
    int epochs() {
        return errors.size();
    }

    public void setAxisColor(Color c) {
        axisColor = c;
        draw();
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
        int n = errors.size();
        long most = 1;
        for (int i = 0; i < n; i++) {
            most = Math.max(most, errors.errors(i));
        }
        double maxEpoch = Math.max(5, n);
        double maxY = most * 1.05;
        g.setFont(Font.font(FONT_SIZE));
        g.setStroke(axisColor);
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, pw, ph);
        g.setFill(axisColor);
        g.setTextAlign(TextAlignment.LEFT);
        title = title(g, w);
        g.fillText(title, titleX(g, title), TOP - 6);
        g.setTextAlign(TextAlignment.CENTER);
        for (double t : Ticks.nice(1, maxEpoch, 6)) {
            if (t == Math.rint(t)) {
                g.fillText(Ticks.label(t), LEFT + (t - 1) / (maxEpoch - 1) * pw, TOP + ph + 14);
            }
        }
        g.fillText("epoch", LEFT + pw / 2, TOP + ph + 27);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setStroke(axisColor.deriveColor(0, 1, 1, 0.15));
        for (double t : Ticks.nice(0, maxY, 4)) {
            if (t == Math.rint(t)) {
                double py = TOP + ph - t / maxY * ph;
                g.strokeLine(LEFT, py, LEFT + pw, py);
                g.fillText(Ticks.label(t), LEFT - 4, py + 4);
            }
        }
        if (n == 0) {
            return;
        }
        g.setStroke(ERRORS);
        g.setFill(ERRORS);
        g.setLineWidth(1.6);
        int columns = (int) Math.max(1, pw);
        boolean markers = n <= pw / 6; // room for seed 004's markers
        double span = Math.max(1, maxEpoch - 1); // epoch 1 at the left edge, the last at the right
        g.beginPath();
        int i = 0;
        boolean started = false;
        for (int col = 0; col <= columns && i < n; col++) {
            long hi = -1;
            double px = 0;
            while (i < n && (i / span * pw <= col + 1 || col == columns)) {
                hi = Math.max(hi, errors.errors(i));
                px = LEFT + i / span * pw;
                i++;
            }
            if (hi < 0) {
                continue;
            }
            double py = TOP + ph - hi / maxY * ph;
            if (started) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                started = true;
            }
            if (markers) {
                g.fillOval(px - 3, py - 3, 6, 6);
            }
        }
        g.stroke();
    }
}
