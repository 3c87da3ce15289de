package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.render.Heatmap;
import dev.backprop.playground.train.Predictions;
import dev.backprop.playground.train.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The data pane's view of a table that is neither the plane nor pictures (iris's four measurements, a
 * CSV of many columns): two drop-downs choose the inputs plotted across and up; each point is coloured
 * by its class and crossed out in red where the network gets it wrong (test points are rings). For
 * regression the drop-downs choose an input across and a target up: the true values as dots, the
 * network's predictions as crosses. Clicking a point traces its row through the network.
 */
public final class TablePlot implements DataView {
    private static final double MARGIN = 40;
    private static final double TEXT_SIZE = 11;
    private static final Color WRONG = Color.web("#c62828");
    private static final Color PREDICTED = Color.web("#6a1b9a");

    private final VBox root = new VBox(4);
    private final ChoiceBox<String> across = new ChoiceBox<>();
    private final ChoiceBox<String> up = new ChoiceBox<>();
    private final Label upLabel = new Label("up");
    private final Canvas canvas = new Canvas();
    private final Pane holder = new Pane(canvas);
    private Snapshot shown;
    private DataSplit offeredFor;
    /** Screen positions of the rows drawn, for picking: x, y per row of all(). */
    private double[] drawn = new double[0];

    /** @param onTrace gets the row (of the data's {@code all()}) of a point clicked */
    public TablePlot(IntConsumer onTrace) {
        across.setId("table-across");
        up.setId("table-up");
        upLabel.setId("table-up-label");
        across.valueProperty().addListener((o, a, b) -> redraw());
        up.valueProperty().addListener((o, a, b) -> redraw());
        HBox bar = new HBox(6, new Label("across"), across, upLabel, up);
        bar.setAlignment(Pos.CENTER_LEFT);
        holder.setMinSize(0, 0);
        CanvasFill.follow(holder, canvas, this::redraw);
        canvas.setOnMouseClicked(e -> {
            int row = nearest(e.getX(), e.getY());
            if (row >= 0) {
                onTrace.accept(row);
            }
        });
        VBox.setVgrow(holder, Priority.ALWAYS);
        root.getChildren().addAll(bar, holder);
        root.setMinSize(0, 0);
    }

    @Override
    public String id() {
        return "table-plot";
    }

    @Override
    public String title() {
        return "Two inputs";
    }

    @Override
    public String paneTitle() {
        return "Data: two inputs at a time (click a point to trace it)";
    }

    @Override
    public boolean fits(Inputs inputs) {
        return !inputs.isImage() && !inputs.isPlanar();
    }

    /** Also two inputs with several real targets (iris's petal from its sepal): a target against an input. */
    @Override
    public boolean fits(Dataset all) {
        return fits(all.inputs()) || all.inputs().isPlanar() && all.targets() > 1;
    }

    @Override
    public Node node() {
        return root;
    }

    /** The choices across (inputs) and up (inputs, or the targets for regression). */
    ChoiceBox<String> across() {
        return across;
    }

    ChoiceBox<String> up() {
        return up;
    }

    @Override
    public void show(Snapshot s) {
        shown = s;
        if (s.data() != offeredFor) {
            offer(s);
        }
        redraw();
    }

    private boolean regression() {
        return shown != null && !shown.config().network().head().classifies();
    }

    private void offer(Snapshot s) {
        offeredFor = s.data();
        Inputs inputs = s.data().all().inputs();
        List<String> ups = new ArrayList<>();
        if (regression()) {
            for (int t = 0; t < s.data().all().targets(); t++) {
                ups.add(s.data().all().targets() == 1 ? "y" : "y" + (t + 1));
            }
        } else {
            ups.addAll(inputs.names());
        }
        // across is emptied first and chosen last: the redraws its listener asks for in between see no
        // choice across, and the one at its choice sees both lists of the new data
        across.setValue(null);
        up.getItems().setAll(ups);
        up.setValue(ups.get(!regression() && ups.size() > 1 ? 1 : 0));
        upLabel.setText(regression() ? "target" : "up");
        across.getItems().setAll(inputs.names());
        across.setValue(inputs.name(0));
    }

    private void redraw() {
        if (shown == null || across.getValue() == null || up.getValue() == null) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 3 * MARGIN || h < 3 * MARGIN) {
            return;
        }
        Dataset all = shown.data().all();
        int xc = all.inputs().names().indexOf(across.getValue());
        int yc = up.getItems().indexOf(up.getValue());
        boolean regression = regression();
        Predictions p = shown.predictions();
        boolean predicted = p != null && p.size() == all.size();
        double[] xr = range(all, xc, false, null);
        double[] yr = range(all, yc, regression, predicted && regression ? p : null);
        double plotW = w - 2 * MARGIN;
        double plotH = h - 2 * MARGIN;
        drawAxes(g, w, h, xr, yr);
        drawn = new double[2 * all.size()];
        for (int row = 0; row < all.size(); row++) {
            double x = MARGIN + (all.features().get(row, xc) - xr[0]) / (xr[1] - xr[0]) * plotW;
            double yValue = regression ? all.labels().get(row, yc) : all.features().get(row, yc);
            double y = h - MARGIN - (yValue - yr[0]) / (yr[1] - yr[0]) * plotH;
            drawn[2 * row] = x;
            drawn[2 * row + 1] = y;
            boolean test = shown.data().isTest(row);
            Color colour = regression ? Color.web("#2f6db5") : rgb(Heatmap.classColour(all.label(row)));
            if (test) {
                g.setStroke(colour);
                g.setLineWidth(1.5);
                g.strokeOval(x - 3.5, y - 3.5, 7, 7);
            } else {
                g.setFill(colour);
                g.fillOval(x - 3, y - 3, 6, 6);
            }
            if (predicted && regression) {
                double py = h - MARGIN - (p.output(row, yc) - yr[0]) / (yr[1] - yr[0]) * plotH;
                g.setStroke(PREDICTED);
                g.setLineWidth(1);
                g.strokeLine(x - 3, py - 3, x + 3, py + 3);
                g.strokeLine(x - 3, py + 3, x + 3, py - 3);
            } else if (predicted && p.wrong(shown.data(), row)) {
                g.setStroke(WRONG);
                g.setLineWidth(1.5);
                g.strokeLine(x - 5, y - 5, x + 5, y + 5);
                g.strokeLine(x - 5, y + 5, x + 5, y - 5);
            }
        }
    }

    private void drawAxes(GraphicsContext g, double w, double h, double[] xr, double[] yr) {
        g.setStroke(Color.GRAY);
        g.setLineWidth(1);
        g.strokeRect(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN);
        g.setFill(Color.GRAY);
        g.setFont(Font.font(TEXT_SIZE));
        g.fillText(fmt(xr[0]), MARGIN, h - MARGIN + 14);
        g.fillText(fmt(xr[1]), w - MARGIN - 30, h - MARGIN + 14);
        g.fillText(across.getValue(), w / 2 - 20, h - MARGIN + 28);
        g.fillText(fmt(yr[1]), 4, MARGIN + 4);
        g.fillText(fmt(yr[0]), 4, h - MARGIN);
        g.fillText(up.getValue() + (regression() ? " (dots: data, crosses: prediction)" : ""), MARGIN, MARGIN - 8);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** {min, max} of column {@code c} (of the targets when {@code labels}), widened by 5%, with the predictions if given. */
    private static double[] range(Dataset all, int c, boolean labels, Predictions p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < all.size(); row++) {
            double v = labels ? all.labels().get(row, c) : all.features().get(row, c);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            if (p != null && Double.isFinite(p.output(row, c))) {
                lo = Math.min(lo, p.output(row, c));
                hi = Math.max(hi, p.output(row, c));
            }
        }
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    private static Color rgb(int rgb) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    /** The row drawn nearest to ({@code x}, {@code y}) within 12 px, or -1. */
    int nearest(double x, double y) {
        int best = -1;
        double bestD = 144;
        for (int row = 0; row < drawn.length / 2; row++) {
            double dx = drawn[2 * row] - x;
            double dy = drawn[2 * row + 1] - y;
            if (dx * dx + dy * dy < bestD) {
                bestD = dx * dx + dy * dy;
                best = row;
            }
        }
        return best;
    }

    /** Where row {@code row} is drawn, in the canvas's coordinates. */
    double[] position(int row) {
        return new double[] {drawn[2 * row], drawn[2 * row + 1]};
    }

    Canvas canvas() {
        return canvas;
    }
}
