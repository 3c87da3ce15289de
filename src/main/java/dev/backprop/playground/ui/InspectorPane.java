package dev.backprop.playground.ui;

import dev.backprop.playground.graph.EdgeWeight;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.NumberFormat;
import dev.backprop.playground.graph.Tensor;
import dev.backprop.playground.render.Diverging;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Everything about one node: its op and formula, what feeds it and what it feeds, and its full data
 * and grad: numbers for scalars, a small heatmap for tensors (blue negative, red positive, the value
 * under the mouse shown below it).
 */
public final class InspectorPane extends VBox {
    public static final String STYLE_CLASS = "inspector";
    private static final double MAP_WIDTH = 240;
    private static final double MIN_ROW_HEIGHT = 14;
    private static final double MAX_MAP_HEIGHT = 320;
    private static final double MIN_MAP_WIDTH = 60;

    static final String HOW_TO_READ = "Each card: the node's label, its data (the value of the forward pass) and its grad "
            + "(dL/d node, from backprop; \u2013 until computed).\n\nTensors show a heatmap of their values: blue negative, "
            + "red positive, each scaled to its largest |value|; \u2016\u00b7\u2016 is the norm. Scalar rows are tinted the same way."
            + "\n\nClick a node to see all its numbers here; step through backprop (Right) and this panel follows the "
            + "current node with its chain rule.";
    private final Label title = new Label("Click a node to inspect it.");
    private final Label details = new Label();
    private final Label dataTitle = new Label();
    private final Canvas dataMap = new Canvas(MAP_WIDTH, 0);
    private final Label gradTitle = new Label();
    private final Canvas gradMap = new Canvas(MAP_WIDTH, 0);
    /** A neuron's picture over the input plane, large. */
    private final Canvas picture = new Canvas(0, 0);
    private final Label hover = new Label();

    public InspectorPane() {
        getStyleClass().add(STYLE_CLASS);
        title.getStyleClass().add("inspector-title");
        details.getStyleClass().add("inspector-details");
        title.setWrapText(true);
        details.setWrapText(true);
        dataTitle.setWrapText(true);
        gradTitle.setWrapText(true);
        // text first: the heatmaps give way, the description never gets cut to "..."
        for (Label l : new Label[] {title, details, dataTitle, gradTitle, hover}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        hover.setId("inspector-hover");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(MAP_WIDTH + 20);
        // as narrow as its column (a lesson's row at 1280 wide leaves it ~170 px): the text wraps and the
        // heatmaps shrink to fit, so no horizontal scrollbar ever comes up
        setMinWidth(0);
        getChildren().addAll(title, details, picture, dataTitle, dataMap, gradTitle, gradMap, hover);
        show(null, null);
        Tooltip.install(dataMap, new Tooltip("Each cell is one value; hover for the number."));
    }

    /** Shows {@code node} of {@code graph}; null clears. */
    public void show(GraphModel graph, GraphNode node) {
        if (node == null) {
            title.setText("How to read the graph");
            details.setText(HOW_TO_READ);
            dataTitle.setText("");
            gradTitle.setText("");
            clear(dataMap);
            clear(gradMap);
            hover.setText("");
            showPicture(null);
            return;
        }
        title.setText(node.label().isEmpty() ? "op " + node.op() : node.label());
        StringBuilder sb = new StringBuilder();
        sb.append("kind: ").append(node.kind().name().toLowerCase(Locale.ROOT));
        if (!node.op().isEmpty()) {
            sb.append("\nop: ").append(node.op());
        }
        if (!node.formula().isEmpty()) {
            sb.append("\n").append(node.formula());
        }
        sb.append("\ninputs: ").append(names(graph, graph.inputsOf(node.id())));
        sb.append("\nconsumers: ").append(names(graph, graph.consumersOf(node.id())));
        weights(sb, graph, node);
        details.setText(sb.toString());
        showPicture(node);
        showTensor("data", node.data(), dataTitle, dataMap);
        showTensor("grad", node.grad(), gradTitle, gradMap);
        hover.setText("");
    }

    /** A neuron's incoming and outgoing weights, each with dL/dw once backprop has reached it. */
    private static void weights(StringBuilder sb, GraphModel graph, GraphNode node) {
        if (node.neuron() == null) {
            return;
        }
        for (GraphModel.Edge e : graph.edges()) {
            EdgeWeight w = graph.weight(e);
            boolean in = e.to().equals(node.id());
            if (w != null && (in || e.from().equals(node.id()))) {
                sb.append(in ? "\nin  " : "\nout ").append(w.name()).append(" = ").append(NumberFormat.short4(w.weight()));
                if (!Double.isNaN(w.grad())) {
                    sb.append("   dL/dw = ").append(NumberFormat.short4(w.grad()));
                }
            }
        }
    }

    /** A neuron's picture over the plane, as large as the inspector is wide (at most 240 px). */
    private void showPicture(GraphNode node) {
        var t = node == null || node.neuron() == null ? null : node.neuron().thumbnail();
        double side = t == null ? 0 : Math.max(60, Math.min(240, getWidth() - 20));
        picture.setWidth(side);
        picture.setHeight(side);
        if (t != null) {
            picture.getGraphicsContext2D().setImageSmoothing(true);
            picture.getGraphicsContext2D().drawImage(CardPainter.image(t), 0, 0, side, side);
        }
    }

    private static String names(GraphModel graph, List<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            GraphNode n = graph.node(id);
            sb.append(sb.length() == 0 ? "" : ", ").append(n.label().isEmpty() ? n.op() : n.label());
        }
        return sb.toString();
    }

    private void showTensor(String what, Tensor t, Label heading, Canvas map) {
        if (t == null || t.isPending()) { // a value the step-through has not reached yet has no numbers
            heading.setText(what + ": not computed yet");
            clear(map);
            return;
        }
        if (t.isScalar()) {
            heading.setText(what + " = " + NumberFormat.fixed4(t.first()));
            clear(map);
            return;
        }
        // a column vector (W2 is 50x1) is drawn lying down, as one row: it reads better than a tall strip
        boolean transposed = t.cols() == 1;
        int rows = transposed ? 1 : t.rows();
        int cols = transposed ? t.rows() : t.cols();
        heading.setText(String.format(Locale.ROOT, "%s: %d\u00d7%d%s, norm %s, min %s, max %s", what, t.rows(), t.cols(),
                transposed ? " (drawn as a row)" : "", NumberFormat.short4(t.norm()), NumberFormat.short4(min(t)),
                NumberFormat.short4(max(t))));
        // as wide as the inspector allows; rows at least 14 px high (a 2x128 tensor is 28 px, not 5)
        double avail = getWidth() <= 0 ? MAP_WIDTH : Math.max(MIN_MAP_WIDTH, getWidth() - getPadding().getLeft() - getPadding().getRight());
        double cell = Math.min(28, avail / cols);
        map.setWidth(cell * cols);
        map.setHeight(Math.min(MAX_MAP_HEIGHT, Math.max(MIN_ROW_HEIGHT, Math.min(28, cell)) * rows));
        double cellH = map.getHeight() / rows;
        GraphicsContext g = map.getGraphicsContext2D();
        double scale = Math.max(Math.abs(min(t)), Math.abs(max(t)));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = transposed ? t.get(c, 0) : t.get(r, c);
                g.setFill(CardPainter.rgb(Diverging.rgb(scale == 0 ? 0 : v / scale)));
                g.fillRect(c * cell, r * cellH, cell, cellH);
            }
        }
        map.setOnMouseMoved(e -> {
            int c = (int) (e.getX() / cell);
            int r = (int) (e.getY() / cellH);
            if (r >= 0 && r < rows && c >= 0 && c < cols) {
                int row = transposed ? c : r;
                int col = transposed ? 0 : c;
                hover.setText(String.format(Locale.ROOT, "%s[%d, %d] = %s", what, row, col, NumberFormat.fixed4(t.get(row, col))));
            }
        });
    }

    private static double min(Tensor t) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : t.values()) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(Tensor t) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t.values()) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void clear(Canvas c) {
        c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
        c.setWidth(0); // an empty map takes no width: a narrow column gets no scrollbar for it
        c.setHeight(0);
    }
}
