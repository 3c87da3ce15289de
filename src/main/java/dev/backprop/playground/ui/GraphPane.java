package dev.backprop.playground.ui;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Layout;
import dev.backprop.playground.graph.NodeGeometry;
import dev.backprop.playground.graph.NodeKind;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The computation graph with the data and grad of every node, refreshed from each snapshot:
 * records {@code label | data | grad} in the layered layout computed on the engine thread.
 * Scroll to zoom, drag to pan, double-click or F to fit.
 */
public final class GraphPane extends Region {
    public static final String STYLE_CLASS = "graph-pane";
    private static final Font FONT = Font.font("Monospaced", 12);

    private final Canvas canvas = new Canvas();
    private final Map<NodeKind, Color> fills = new EnumMap<>(NodeKind.class);
    private GraphModel graph;
    private Layout layout;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private boolean fitted;
    private double dragX;
    private double dragY;
    private Color ink = Color.web("#333");
    private String selectedId;
    private java.util.function.Consumer<GraphNode> onSelect = n -> { };

    public GraphPane() {
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        setMinSize(300, 150);
        setFocusTraversable(true);
        setTheme(false);
        addEventHandler(ScrollEvent.SCROLL, e -> zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            offsetX += e.getX() - dragX;
            offsetY += e.getY() - dragY;
            dragX = e.getX();
            dragY = e.getY();
            draw();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            if (e.getClickCount() == 2) {
                fit();
            } else {
                GraphNode hit = nodeAt(e.getX(), e.getY());
                selectedId = hit == null ? null : hit.id();
                draw();
                onSelect.accept(hit);
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F) {
                fit();
            } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS) {
                zoom(1.2, getWidth() / 2, getHeight() / 2);
            } else if (e.getCode() == KeyCode.MINUS) {
                zoom(1 / 1.2, getWidth() / 2, getHeight() / 2);
            }
        });
    }

    /** Light or dark node colours. */
    public void setTheme(boolean dark) {
        fills.put(NodeKind.INPUT, Color.web(dark ? "#23415f" : "#e3eefb"));
        fills.put(NodeKind.PARAMETER, Color.web(dark ? "#5a4619" : "#fdf0d5"));
        fills.put(NodeKind.OP, Color.web(dark ? "#3a3a3a" : "#eeeeee"));
        fills.put(NodeKind.VALUE, Color.web(dark ? "#2b2b2b" : "#ffffff"));
        fills.put(NodeKind.LOSS, Color.web(dark ? "#5e2626" : "#fbe0e0"));
        ink = Color.web(dark ? "#e6e6e6" : "#333333");
        draw();
    }

    public void show(GraphModel newGraph, Layout newLayout) {
        if (newGraph == graph && newLayout == layout) {
            return;
        }
        if (newLayout != layout) {
            fitted = false;
        }
        graph = newGraph;
        layout = newLayout;
        if (!fitted) {
            fit();
        } else {
            draw();
        }
    }

    public GraphModel graph() {
        return graph;
    }

    /** Called with the clicked node, or null when the click hit no node. */
    public void setOnSelect(java.util.function.Consumer<GraphNode> handler) {
        onSelect = handler;
    }

    /** The selected node as it is in the current graph, or null. */
    public GraphNode selected() {
        return selectedId == null || graph == null || !graph.nodes().stream().anyMatch(n -> n.id().equals(selectedId))
                ? null : graph.node(selectedId);
    }

    /** The node under a point of the pane, or null. */
    public GraphNode nodeAt(double px, double py) {
        if (graph == null || layout == null) {
            return null;
        }
        double gx = (px - offsetX) / scale;
        double gy = (py - offsetY) / scale;
        for (GraphNode n : graph.nodes()) {
            Layout.Box b = layout.box(n.id());
            if (b != null && gx >= b.x() && gx <= b.x() + b.w() && gy >= b.y() && gy <= b.y() + b.h()) {
                return n;
            }
        }
        return null;
    }

    /** Where a node's centre is on the pane, for tests and tooltips. */
    public javafx.geometry.Point2D centreOf(String id) {
        Layout.Box b = layout.box(id);
        return new javafx.geometry.Point2D(offsetX + b.centerX() * scale, offsetY + b.centerY() * scale);
    }

    /** Scales and centres the whole graph in the pane. */
    public void fit() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        scale = Math.min(1.5, Math.min(getWidth() / layout.width(), getHeight() / layout.height()));
        offsetX = (getWidth() - layout.width() * scale) / 2;
        offsetY = (getHeight() - layout.height() * scale) / 2;
        fitted = true;
        draw();
    }

    private void zoom(double factor, double cx, double cy) {
        double s = Math.max(0.1, Math.min(8, scale * factor));
        offsetX = cx - (cx - offsetX) * s / scale;
        offsetY = cy - (cy - offsetY) * s / scale;
        scale = s;
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            fitted = false;
            fit();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (graph == null || layout == null) {
            return;
        }
        g.setTransform(scale, 0, 0, scale, offsetX, offsetY);
        g.setStroke(ink.deriveColor(0, 1, 1, 0.7));
        g.setFill(ink.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.2);
        for (Layout.Route r : layout.routes()) {
            drawEdge(g, r.points());
        }
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (GraphNode n : graph.nodes()) {
            Layout.Box b = layout.box(n.id());
            if (b != null) {
                drawNode(g, n, b);
            }
        }
        // the title (which sample the values are for) stays put while the graph zooms and pans
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(ink.deriveColor(0, 1, 1, 0.8));
        g.setFont(Font.font(12));
        g.fillText(graph.title(), 8, 6);
    }

    private static void drawEdge(GraphicsContext g, double[] p) {
        g.beginPath();
        g.moveTo(p[0], p[1]);
        for (int i = 2; i + 1 < p.length; i += 2) {
            g.lineTo(p[i], p[i + 1]);
        }
        g.stroke();
        int n = p.length;
        double angle = Math.atan2(p[n - 1] - p[n - 3], p[n - 2] - p[n - 4]);
        double ax = p[n - 2];
        double ay = p[n - 1];
        g.fillPolygon(new double[] {ax, ax - 8 * Math.cos(angle - 0.4), ax - 8 * Math.cos(angle + 0.4)},
                new double[] {ay, ay - 8 * Math.sin(angle - 0.4), ay - 8 * Math.sin(angle + 0.4)}, 3);
    }

    private void drawNode(GraphicsContext g, GraphNode n, Layout.Box b) {
        g.setFill(fills.get(n.kind()));
        boolean selected = n.id().equals(selectedId);
        g.setStroke(n.highlighted() ? Color.web("#e8590c") : selected ? Color.web("#1c7ed6") : ink);
        g.setLineWidth(n.highlighted() || selected ? 3 : 1);
        if (!n.hasValue()) {
            g.fillOval(b.x(), b.y(), b.w(), b.h());
            g.strokeOval(b.x(), b.y(), b.w(), b.h());
            g.setFill(ink);
            g.fillText(n.op(), b.centerX(), b.centerY());
            return;
        }
        g.fillRect(b.x(), b.y(), b.w(), b.h());
        g.strokeRect(b.x(), b.y(), b.w(), b.h());
        String[] parts = n.compartments();
        double[][] cells = NodeGeometry.compartmentBoxes(n);
        // the layout's box may be from a moment when the numbers were shorter: fit the cells to it
        double sx = b.w() / NodeGeometry.width(n);
        double sy = b.h() / NodeGeometry.height(n);
        g.setLineWidth(1);
        for (int i = 0; i < parts.length; i++) {
            double[] c = {cells[i][0] * sx, cells[i][1] * sy, cells[i][2] * sx, cells[i][3] * sy};
            if (i > 0) {
                g.setStroke(ink);
                boolean stacked = NodeGeometry.stacked(n);
                g.strokeLine(b.x() + c[0], b.y() + c[1], b.x() + c[0] + (stacked ? c[2] : 0),
                        b.y() + c[1] + (stacked ? 0 : c[3]));
            }
            g.setFill(ink);
            // maxWidth squeezes text rather than letting a wider screen font spill out of the box
            g.fillText(parts[i], b.x() + c[0] + c[2] / 2, b.y() + c[1] + c[3] / 2, c[2] - 4);
        }
    }
}
