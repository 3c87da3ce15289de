package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.render.Ticks;
import dev.backprop.playground.train.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Train and test loss per snapshot (left axis, linear or log), the total loss (data + penalty) when
 * a weight penalty is on, and train accuracy (right axis, 0-1) for classification only, with dashed
 * marks where the network was rebuilt, a legend drawn into the plot (so a PNG export carries it) and a
 * readout of the point under the mouse. It is also the run's timeline: pressing or dragging over the
 * plot scrubs to that step ({@link #setOnScrub}); the scrubbed step's cursor, the setting marks, the
 * abandoned history and pinned runs are drawn by {@link TimelineOverlay}.
 * However long the history, each series is drawn from at most two points per pixel column (the
 * min and max of the rows that fall in it), so it stays smooth at any length.
 */
public final class LossChartPane extends VBox {
    public static final String STYLE_CLASS = "loss-chart";
    private static final double LEFT = 52;
    private static final double RIGHT = 44;
    /** Least height between two labels of the loss axis: one line of its 11 px text and a little air. */
    static final double MIN_TICK_GAP = 15;
    /**
     * The plot's least height between its legend and its step axis: five labels of the loss axis at their
     * least gap, and a curve tall enough to read between them. The chart asks its column for that much
     * (a narrow chart's legend wraps onto more lines and asks for more) rather than draw a sliver.
     */
    static final double MIN_PLOT_HEIGHT = 4 * MIN_TICK_GAP;
    /** The canvas's least height even when the legend is one line (it was 120 before the plot had a least height). */
    private static final double MIN_CANVAS_HEIGHT = 120;
    /** Room above the plot for one line of legend, which is drawn into the canvas so exports carry it. */
    private static final double TOP = 24;
    /** Each further line of a legend wrapped to a narrow chart. */
    private static final double LEGEND_LINE = 15;
    private static final double BOTTOM = 30;
    /** How far the accuracy axis's top label (drawn 3 px under the plot's top, 11 px high) rises above the plot, and air. */
    static final double CLEAR_OF_AXIS_LABEL = 10;
    static final Color TRAIN = Color.web("#2f6db5");
    static final Color TEST = Color.web("#e8772e");
    static final Color ACCURACY = Color.web("#3a9d5d");
    static final Color TOTAL = Color.web("#8e5cc2");
    private static final Color EXPORT_PAPER = Color.WHITE;
    private static final Color EXPORT_INK = Color.web("#333333");
    private static final double FONT_SIZE = 11;

    /** An export of a chart squeezed on screen is still drawn at a readable size. */
    private static final double MIN_EXPORT_WIDTH = 480;
    private static final double MIN_EXPORT_HEIGHT = 280;

    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);
    private final CheckBox logScale = new CheckBox("log scale");
    /** A newcomer's first step, on the empty chart until a step is taken. */
    private final Label firstSteps = new Label("Press Play, or step through one training step with the Right key");
    /** Where the plot starts under the legend, as last drawn (the legend wraps on a narrow chart). */
    private double top = TOP;
    private final Label readout = new Label();
    private List<Metrics> history = List.of();
    private List<Long> rebuilds = List.of();
    private double hoverX = Double.NaN;
    private Color axisColor = Color.web("#444");
    /** The timeline: kept steps, marks, the scrubbed step, the abandoned history; null before the first. */
    private Snapshot.TimelineView timeline;
    private List<PinnedRun> pins = List.of();
    private LongConsumer onScrub = step -> { };
    /** The step axis as last drawn on screen, to turn a drag into a step. */
    private Axis screenX;
    static final Color CURSOR = Color.web("#d1339a");
    static final Color ABANDONED = Color.web("#9a9a9a");
    /** Pinned runs: hues none of the run's own series (train, test, total, accuracy, cursor) uses. */
    static final Color[] PIN_COLORS = {Color.web("#a8811a"), Color.web("#17877c"), Color.web("#7b5540"),
        Color.web("#5a6f8c")};
    /** Accuracy axis and series: classification only (regression has no accuracy). */
    private boolean accuracyShown = true;
    /** The total-loss series: only while a weight penalty is on. */
    private boolean totalShown;
    /** Steps in an epoch when the run goes by epochs (the x-axis then reads epochs), else 0. */
    private long stepsPerEpoch;

    public LossChartPane() {
        getStyleClass().add(STYLE_CLASS);
        logScale.setId("log-scale");
        logScale.setTooltip(new Tooltip("The loss on a logarithmic axis (the default): a high first loss never flattens "
                + "the rest of the curve, and late progress (0.1 to 0.01) stays visible. Off: a linear axis."));
        logScale.setSelected(true);
        logScale.selectedProperty().addListener((o, a, b) -> draw());
        readout.setId("chart-readout");
        readout.getStyleClass().add("chart-readout");
        HBox header = new HBox(12, logScale, readout);
        header.setAlignment(Pos.CENTER_LEFT);
        firstSteps.setId("first-steps");
        firstSteps.getStyleClass().add("first-steps");
        firstSteps.setWrapText(true);
        firstSteps.setMouseTransparent(true);
        firstSteps.setVisible(false);
        javafx.scene.layout.StackPane plotAndHint = new javafx.scene.layout.StackPane(plot, firstSteps);
        getChildren().addAll(header, plotAndHint);
        VBox.setVgrow(plotAndHint, javafx.scene.layout.Priority.ALWAYS);
        plot.setMinSize(200, MIN_CANVAS_HEIGHT);
        CanvasFill.follow(plot, canvas, this::draw);
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoverX = e.getX();
            draw();
        });
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, this::scrub);
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            hoverX = e.getX();
            scrub(e);
        });
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
            readout.setText("");
            draw();
        });
    }

    public void show(List<Metrics> newHistory, List<Long> newRebuilds) {
        if (newHistory.size() == history.size() && newRebuilds.equals(rebuilds)
                && (newHistory.isEmpty() || newHistory.get(0) == history.get(0))) {
            return;
        }
        history = newHistory;
        rebuilds = newRebuilds;
        draw();
    }

    /** The x-axis in epochs of {@code steps} steps each (a run by epochs), or in steps for 0. */
    public void showEpochs(long steps) {
        if (steps != stepsPerEpoch) {
            stepsPerEpoch = steps;
            draw();
        }
    }

    /** Steps per epoch the axis reads, 0 when it reads steps. */
    long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** Shows or hides the newcomer's hint over the empty chart. */
    public void showFirstSteps(boolean shown) {
        firstSteps.setVisible(shown);
    }

    /** The timeline over the curves: the scrubbed step's cursor, the marks, the abandoned history. */
    public void showTimeline(Snapshot.TimelineView view) {
        if (!Objects.equals(view, timeline)) {
            timeline = view;
            draw();
        }
    }

    /**
     * What the run measures: {@code classifies} shows the accuracy axis and series, {@code penalized}
     * the total loss (data + penalty) beside the data loss. Redraws only when one changes.
     */
    public void showProblem(boolean classifies, boolean penalized) {
        if (classifies != accuracyShown || penalized != totalShown) {
            accuracyShown = classifies;
            totalShown = penalized;
            draw();
        }
    }

    /** Pinned runs, drawn as ghost curves with their final boundary. */
    void showPins(List<PinnedRun> newPins) {
        pins = List.copyOf(newPins);
        draw();
    }

    /** Called with the step under the mouse while the plot is pressed or dragged. */
    public void setOnScrub(LongConsumer handler) {
        onScrub = handler;
    }

    /** The step being shown while scrubbing, or -1. */
    public long scrubbedStep() {
        return timeline == null ? -1 : timeline.scrubbed();
    }

    private void scrub(MouseEvent e) {
        if (screenX != null && e.isPrimaryButtonDown() && e.getX() >= LEFT) {
            onScrub.accept(Math.max(0, Math.round(screenX.unmap(Math.min(e.getX(), screenX.to())))));
        }
    }

    /** True while the accuracy axis and series are drawn. */
    public boolean showsAccuracy() {
        return accuracyShown;
    }

    /** True while the total-loss series is drawn. */
    public boolean showsTotalLoss() {
        return totalShown;
    }

    public void setAxisColor(Color c) {
        axisColor = c;
        draw();
    }

    public CheckBox logScaleToggle() {
        return logScale;
    }

    /** The plot's on-screen size (the canvas, without the check box row): what an export draws at 2x. */
    double plotWidth() {
        return canvas.getWidth();
    }

    double plotHeight() {
        return canvas.getHeight();
    }

    /** The canvas's least height (legend, a readable plot, the step axis), which the legend's lines change. */
    javafx.beans.value.ObservableDoubleValue leastHeight() {
        return plot.minHeightProperty();
    }

    /** The height of the plot's frame on screen, between the legend and the step axis's labels. */
    double framedPlotHeight() {
        return canvas.getHeight() - plotTopAt(canvas.getWidth()) - BOTTOM;
    }

    /** Rows of history currently shown. */
    public int points() {
        return history.size();
    }

    /**
     * The chart alone (axes, curves, legend; no check box, no readout) drawn at {@code scale} times
     * its on-screen size on white, for a PNG export. Vector drawing at that scale, not an upscaled
     * screenshot. Call on the FX thread.
     */
    public WritableImage exportImage(double scale) {
        double w = Math.max(canvas.getWidth(), MIN_EXPORT_WIDTH);
        double h = Math.max(canvas.getHeight(), MIN_EXPORT_HEIGHT);
        Canvas paper = new Canvas(Math.ceil(w * scale), Math.ceil(h * scale));
        GraphicsContext g = paper.getGraphicsContext2D();
        g.setFill(EXPORT_PAPER);
        g.fillRect(0, 0, paper.getWidth(), paper.getHeight());
        g.scale(scale, scale);
        draw(g, w, h, EXPORT_INK, false);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(EXPORT_PAPER);
        return paper.snapshot(params, null);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g, canvas.getWidth(), canvas.getHeight(), axisColor, true);
        // the legend's lines at this width decide how tall the canvas must be for a readable plot under it
        plot.setMinHeight(Math.max(MIN_CANVAS_HEIGHT, top + MIN_PLOT_HEIGHT + BOTTOM));
    }

    private void draw(GraphicsContext g, double w, double h, Color ink, boolean onScreen) {
        double pw = w - LEFT - RIGHT;
        g.setFont(Font.font(FONT_SIZE));
        top = TOP + placeLegend(g, legendItems(axisColor), w, null, null);
        double ph = h - top - BOTTOM;
        if (pw < 20 || ph < 20) {
            return;
        }
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(LEFT, top, pw, ph);
        legend(g, ink, w);
        if (history.isEmpty()) {
            return;
        }
        // at least one snapshot interval wide, so a fresh run's axis reads 0..250, not 0..1
        long maxStep = Math.max(250, history.get(history.size() - 1).step());
        for (List<Metrics> ghost : ghosts()) {
            maxStep = Math.max(maxStep, ghost.get(ghost.size() - 1).step());
        }
        boolean log = logScale.isSelected();
        double[] range = lossRange(log);
        Axis x = new Axis(0, maxStep, LEFT, LEFT + pw, false);
        if (onScreen) {
            screenX = x;
        }
        Axis y = new Axis(range[0], range[1], top + ph, top, log);
        Axis acc = new Axis(0, 1, top + ph, top, false);
        drawGrid(g, x, y, acc, pw, ph, ink);

        g.setStroke(ink.deriveColor(0, 1, 1, 0.5));
        g.setLineDashes(4, 4);
        for (long s : rebuilds) {
            double px = x.map(s);
            g.strokeLine(px, top, px, top + ph);
        }
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.ROUND);
        if (timeline != null && !timeline.abandoned().isEmpty()) {
            series(g, timeline.abandoned(), x, y, Metrics::trainLoss, ABANDONED, true, pw);
        }
        for (int i = 0; i < pins.size(); i++) {
            series(g, pins.get(i).history(), x, y, Metrics::trainLoss, PIN_COLORS[i % PIN_COLORS.length], false, pw);
        }
        series(g, history, x, y, Metrics::trainLoss, TRAIN, false, pw);
        series(g, history, x, y, Metrics::testLoss, TEST, true, pw);
        if (totalShown) {
            series(g, history, x, y, Metrics::trainTotal, TOTAL, false, pw);
        }
        if (accuracyShown) {
            series(g, history, x, acc, Metrics::trainAccuracy, ACCURACY, false, pw);
        }
        TimelineOverlay.draw(g, timeline, pins, x::map, LEFT, top, pw, ph, ink);
        if (onScreen) {
            hover(g, x, y, ph);
        }
    }

    /** The other curves on the chart: the abandoned history and the pinned runs. */
    private List<List<Metrics>> ghosts() {
        List<List<Metrics>> all = new java.util.ArrayList<>();
        if (timeline != null && !timeline.abandoned().isEmpty()) {
            all.add(timeline.abandoned());
        }
        for (PinnedRun p : pins) {
            if (!p.history().isEmpty()) {
                all.add(p.history());
            }
        }
        return all;
    }

    /** One swatch of the legend. */
    private record LegendItem(Color color, boolean dashed, String text) {
    }

    /** What each line is, and the rebuild marks if there are any. */
    private List<LegendItem> legendItems(Color ink) {
        List<LegendItem> items = new java.util.ArrayList<>();
        items.add(new LegendItem(TRAIN, false, totalShown ? "train data loss" : "train loss"));
        items.add(new LegendItem(TEST, true, totalShown ? "test data loss" : "test loss"));
        if (totalShown) {
            items.add(new LegendItem(TOTAL, false, "train total (data + penalty)"));
        }
        if (accuracyShown) {
            items.add(new LegendItem(ACCURACY, false, "train accuracy (right axis)"));
        }
        if (!rebuilds.isEmpty()) {
            items.add(new LegendItem(ink.deriveColor(0, 1, 1, 0.5), true, "network rebuilt"));
        }
        return items;
    }

    /** The lines the legend takes in a chart {@code w} wide: it wraps rather than run off the edge. */
    private int legendLines(GraphicsContext g, double w) {
        return (int) (placeLegend(g, legendItems(axisColor), w, null, null) / LEGEND_LINE) + 1;
    }

    /** Swatches above the plot, wrapped to the chart's width. */
    private void legend(GraphicsContext g, Color ink, double w) {
        placeLegend(g, legendItems(ink), w, ink, null);
    }

    /**
     * Lays the items out from the plot's left edge, a new line when the next would cross the plot's
     * right edge; draws them in {@code ink} unless it is null, and adds each item's box to {@code boxes}
     * unless it is null. Returns how far the plot goes down for it: the lines after the first, and
     * {@link #CLEAR_OF_AXIS_LABEL} more when an item alone on the last line runs past the plot's right
     * edge, over the accuracy axis, whose top label ("100%") rises above the plot.
     */
    private double placeLegend(GraphicsContext g, List<LegendItem> items, double w, Color ink,
                               List<javafx.geometry.Rectangle2D> boxes) {
        double x = LEFT;
        double line = 0;
        boolean overhang = false;
        for (LegendItem item : items) {
            double width = 27 + TextWidth.of(item.text(), g.getFont());
            if (x > LEFT && x + width > w - RIGHT) { // clear of the accuracy axis's labels
                x = LEFT;
                line += LEGEND_LINE;
                overhang = false;
            }
            overhang |= x + width > w - RIGHT;
            if (ink != null) {
                legendItem(g, x, TOP - 9 + line, item, ink);
            }
            if (boxes != null) { // the text's box: from its ascent over the swatch's line to its descent
                boxes.add(new javafx.geometry.Rectangle2D(x, TOP - 9 + line + 4 - FONT_SIZE, width, FONT_SIZE + 3));
            }
            x += width + 16;
        }
        return line + (overhang ? CLEAR_OF_AXIS_LABEL : 0);
    }

    private static void legendItem(GraphicsContext g, double x, double y, LegendItem item, Color ink) {
        g.setStroke(item.color());
        g.setLineWidth(item.dashed() ? 1.6 : 2);
        if (item.dashed()) {
            g.setLineDashes(5, 4);
        }
        g.strokeLine(x, y, x + 22, y);
        g.setLineDashes();
        g.setFill(ink);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(item.text(), x + 27, y + 4);
    }

    /** The legend's text boxes in a chart {@code w} wide, for tests: clear of the plot and its axes' labels. */
    List<javafx.geometry.Rectangle2D> legendBoxesAt(double w) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFont(Font.font(FONT_SIZE));
        List<javafx.geometry.Rectangle2D> boxes = new java.util.ArrayList<>();
        placeLegend(g, legendItems(axisColor), w, null, boxes);
        return boxes;
    }

    /** Where the plot's frame starts in a chart {@code w} wide, for tests. */
    double plotTopAt(double w) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFont(Font.font(FONT_SIZE));
        return TOP + placeLegend(g, legendItems(axisColor), w, null, null);
    }

    /** The lines the legend takes at width {@code w}, for tests: never cut off at the right edge. */
    int legendLinesAt(double w) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFont(Font.font(FONT_SIZE));
        return legendLines(g, w);
    }

    private double[] lossRange(boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Metrics m : history) {
            for (double v : new double[] {m.trainLoss(), m.testLoss(), totalShown ? m.trainTotal() : Double.NaN}) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo)) {
            return new double[] {log ? 1e-3 : 0, 1};
        }
        if (log) {
            return new double[] {Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi)))};
        }
        return new double[] {0, hi * 1.05};
    }

    private void drawGrid(GraphicsContext g, Axis x, Axis y, Axis acc, double pw, double ph, Color ink) {
        g.setFill(ink);
        g.setTextAlign(TextAlignment.CENTER);
        long spe = stepsPerEpoch;
        for (double t : spe > 0 ? Ticks.nice(x.min / spe, x.max / spe, 6) : Ticks.nice(x.min, x.max, 6)) {
            g.fillText(Ticks.label(t), x.map(spe > 0 ? t * spe : t), top + ph + 14);
        }
        g.fillText(spe > 0 ? "epoch" : "step", LEFT + pw / 2, top + ph + 27);
        g.setTextAlign(TextAlignment.RIGHT);
        double[] yt = y.log ? decades(y.min, y.max) : Ticks.nice(y.min, y.max, 5);
        g.setStroke(ink.deriveColor(0, 1, 1, 0.15));
        // a short plot (a lesson's narrow row) keeps every k-th tick: labels MIN_TICK_GAP apart, never on each other
        int every = Ticks.stride(yt.length, ph, MIN_TICK_GAP);
        for (int i = 0; i < yt.length; i += every) {
            double t = yt[i];
            double py = y.map(t);
            g.strokeLine(LEFT, py, LEFT + pw, py);
            g.fillText(Ticks.label(t), LEFT - 4, py + 3);
        }
        if (accuracyShown) {
            accuracyTicks(g, acc, pw);
        }
    }

    private static void accuracyTicks(GraphicsContext g, Axis acc, double pw) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(ACCURACY);
        // a plot too low for three labels apart (a lesson's narrow row) keeps 0% and 100%
        boolean roomForHalf = acc.map(0) - acc.map(1) >= 2 * MIN_TICK_GAP;
        for (double t : roomForHalf ? new double[] {0, 0.5, 1} : new double[] {0, 1}) {
            g.fillText(String.format(Locale.ROOT, "%.0f%%", 100 * t), LEFT + pw + 4, acc.map(t) + 3);
        }
    }

    private static double[] decades(double lo, double hi) {
        int a = (int) Math.round(Math.log10(lo));
        int b = (int) Math.round(Math.log10(hi));
        double[] t = new double[b - a + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.pow(10, a + i);
        }
        return t;
    }

    /** One series, min/max-decimated per pixel column. */
    private void series(GraphicsContext g, List<Metrics> history, Axis x, Axis y, ToDoubleFunction<Metrics> value,
                        Color color, boolean dashed, double pw) {
        g.setStroke(color);
        g.setLineWidth(1.6);
        if (dashed) {
            g.setLineDashes(5, 4);
        }
        g.beginPath();
        boolean started = false;
        int drawn = 0;
        double lastX = 0;
        double lastY = 0;
        int columns = (int) Math.max(1, pw);
        int i = 0;
        int n = history.size();
        for (int col = 0; col <= columns && i < n; col++) {
            double colEnd = x.min + (x.max - x.min) * (col + 1) / columns;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double first = Double.NaN;
            double last = Double.NaN;
            double sx = Double.NaN;
            while (i < n && (history.get(i).step() <= colEnd || col == columns)) {
                double v = value.applyAsDouble(history.get(i));
                if (Double.isFinite(v) && (!y.log || v > 0)) {
                    if (Double.isNaN(first)) {
                        first = v;
                        sx = x.map(history.get(i).step());
                    }
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    last = v;
                }
                i++;
            }
            if (Double.isNaN(first)) {
                continue;
            }
            double[] vs = lo == hi ? new double[] {first} : new double[] {first, lo, hi, last};
            for (double v : vs) {
                double py = y.map(v);
                if (!started) {
                    g.moveTo(sx, py);
                    started = true;
                } else {
                    g.lineTo(sx, py);
                }
                drawn++;
                lastX = sx;
                lastY = py;
            }
        }
        g.stroke();
        g.setLineDashes();
        if (drawn == 1) {
            // a single row (step 0) is a point, not a line: show it
            g.setFill(color);
            g.fillOval(lastX - 3, lastY - 3, 6, 6);
        }
    }

    private void hover(GraphicsContext g, Axis x, Axis y, double ph) {
        if (Double.isNaN(hoverX) || hoverX < LEFT) {
            return;
        }
        double step = x.unmap(hoverX);
        Metrics best = history.get(0);
        for (Metrics m : history) {
            if (Math.abs(m.step() - step) < Math.abs(best.step() - step)) {
                best = m;
            }
        }
        double px = x.map(best.step());
        g.setStroke(axisColor.deriveColor(0, 1, 1, 0.6));
        g.strokeLine(px, top, px, top + ph);
        readout.setText(readoutText(best) + TimelineOverlay.marksNear(timeline, best.step(),
                x.unmap(hoverX + 6) - x.unmap(hoverX)));
    }

    /** The hovered row in words: only the series that are drawn. */
    private String readoutText(Metrics m) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d: train loss %.4f, test loss %s",
                m.step(), m.trainLoss(), Double.isNaN(m.testLoss()) ? "-" : String.format(Locale.ROOT, "%.4f",
                        m.testLoss())));
        if (totalShown) {
            sb.append(String.format(Locale.ROOT, ", total %.4f (penalty %.4f)", m.trainTotal(), m.penalty()));
        }
        if (accuracyShown) {
            sb.append(String.format(Locale.ROOT, ", accuracy %.1f%%", 100 * m.trainAccuracy()));
        }
        return sb.toString();
    }

    /** A linear or log mapping from data to pixels. */
    private record Axis(double min, double max, double from, double to, boolean log) {
        double map(double v) {
            double t = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            return from + t * (to - from);
        }

        double unmap(double p) {
            double t = (p - from) / (to - from);
            return log ? Math.pow(10, Math.log10(min) + t * (Math.log10(max) - Math.log10(min))) : min + t * (max - min);
        }
    }
}
