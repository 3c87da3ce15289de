package dev.backprop.playground.ui;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.Viewer;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;
import org.graphstream.ui.view.util.ShortcutManager;

/**
 * The computation graph in a GraphStream viewer: every node a record {@code label | data | grad}
 * (or an op circle) at the place the layered layout gave it, refreshed from each snapshot. Scroll
 * to zoom at the pointer, drag or Shift+arrows to pan, click a node to inspect it, double-click or
 * F to fit, + and - to zoom. The camera is driven here, not by GraphStream's default managers
 * (those move nodes on drag and take the arrow keys, which step through backprop).
 */
public final class GraphPane extends StackPane {
    public static final String STYLE_CLASS = "graph-pane";
    /** GraphStream's graph padding from the stylesheets, in pixels, on each side. */
    private static final double PADDING = 24;
    private static final double MAX_FIT_SCALE = 1.5;

    private final GraphMirror mirror = new GraphMirror();
    private final RecordLabelLayer labels = new RecordLabelLayer();
    private final FxViewer viewer;
    private final FxDefaultView view;
    private final Label title = new Label();
    private GraphModel graph;
    private Layout layout;
    private String pickedId;
    private String followedId;
    private String stylesheet;
    private Consumer<GraphNode> onSelect = n -> { };

    // the camera: graph-unit centre (y up) and pixels per graph unit
    private double centerX;
    private double centerY;
    private double scale = 1;
    /** The view shows the whole graph (a resize fits it again); false once zoomed or panned. */
    private boolean fitted;
    /** A new layout arrived and has not been fitted yet (the pane may still have no size). */
    private boolean needsFit;
    private double dragX;
    private double dragY;

    public GraphPane() {
        getStyleClass().add(STYLE_CLASS);
        setMinSize(300, 150);
        setFocusTraversable(true);
        mirror.graph().setAttribute("ui.antialias");
        mirror.graph().setAttribute("ui.quality");
        viewer = new FxViewer(mirror.graph(), Viewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        viewer.disableAutoLayout();
        view = (FxDefaultView) viewer.addDefaultView(false);
        view.setMouseManager(new Inert());
        view.setShortcutManager(new Inert());
        view.setForeLayoutRenderer(labels);
        view.setMinSize(0, 0);
        view.setPrefSize(800, 500);
        setTheme(false);

        // GraphStream reads mouse coordinates relative to its panel: it gets a pane of its own
        StackPane holder = new StackPane(view);
        holder.setMinSize(0, 0);
        title.getStyleClass().add("graph-title");
        title.setMouseTransparent(true);
        StackPane.setAlignment(title, Pos.TOP_LEFT);
        title.setTranslateX(8);
        title.setTranslateY(4);
        getChildren().addAll(holder, title);
        initListeners();
    }

    private void initListeners() {
        widthProperty().addListener((o, a, b) -> refit());
        heightProperty().addListener((o, a, b) -> refit());
        addEventHandler(ScrollEvent.SCROLL, e -> zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY()));
        // a hand over a node says it can be clicked
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(nodeAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            centerX -= (e.getX() - dragX) / scale;
            centerY += (e.getY() - dragY) / scale;
            dragX = e.getX();
            dragY = e.getY();
            fitted = false;
            applyCamera();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            if (e.getClickCount() == 2) {
                fit();
            } else {
                GraphNode hit = nodeAt(e.getX(), e.getY());
                pickedId = hit == null ? null : hit.id();
                refresh();
                onSelect.accept(hit);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShiftDown() && e.getCode().isArrowKey()) {
                pan(e.getCode());
                e.consume();
            } else if (e.getCode() == KeyCode.F) {
                fit();
            } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS) {
                zoom(1.2, getWidth() / 2, getHeight() / 2);
            } else if (e.getCode() == KeyCode.MINUS) {
                zoom(1 / 1.2, getWidth() / 2, getHeight() / 2);
            }
        });
    }

    /** Light or dark GraphStream stylesheet. */
    public void setTheme(boolean dark) {
        String css = resource(dark ? "graph-dark.gss" : "graph-light.gss");
        if (css.equals(stylesheet)) {
            return;
        }
        stylesheet = css;
        // removing the attribute clears the style sheet, per-node sizes included: rebuild them
        mirror.graph().removeAttribute("ui.stylesheet");
        mirror.graph().setAttribute("ui.stylesheet", css);
        labels.setInk(Color.web(dark ? "#e6e6e6" : "#222222"));
        mirror.invalidate();
        refresh();
    }

    /** Shows a graph and its layout; a new structure is fitted to the pane. */
    public void show(GraphModel newGraph, Layout newLayout) {
        if (newGraph == graph && newLayout == layout) {
            return;
        }
        // a new structure is fitted; a relayout of the same nodes (numbers grew wider) keeps the
        // user's zoom and pan, and a view that showed everything shows everything again
        if (newLayout != layout && (fitted || layout == null || !layout.boxes().keySet().equals(newLayout.boxes().keySet()))) {
            needsFit = true;
        }
        graph = newGraph;
        layout = newLayout;
        title.setText(graph.title());
        refresh();
        if (needsFit) {
            fit();
        }
        followStep();
    }

    /**
     * Zoomed in while stepping, the next node can be off screen: when the stepped node changes and
     * is not wholly visible, the view centres on it (the zoom stays).
     */
    private void followStep() {
        String stepped = graph.nodes().stream().filter(GraphNode::highlighted).map(GraphNode::id)
                .findFirst().orElse(null);
        if (stepped == null || stepped.equals(followedId) || layout.box(stepped) == null) {
            followedId = stepped;
            return;
        }
        followedId = stepped;
        Layout.Box b = layout.box(stepped);
        Point2D c = centreOf(stepped);
        double halfW = b.w() * scale / 2;
        double halfH = b.h() * scale / 2;
        if (c.getX() - halfW < 0 || c.getX() + halfW > getWidth() || c.getY() - halfH < 0 || c.getY() + halfH > getHeight()) {
            centerX = b.centerX();
            centerY = -b.centerY();
            fitted = false;
            applyCamera();
        }
    }

    public GraphModel graph() {
        return graph;
    }

    /** The number of nodes GraphStream is drawing. */
    public int drawnNodeCount() {
        return mirror.graph().getNodeCount();
    }

    /** What GraphStream shows in a node: its label text, or null for an unknown id. */
    public String drawnLabel(String id) {
        var node = mirror.graph().getNode(id);
        return node == null ? null : (String) node.getAttribute("ui.label");
    }

    /** Called with the clicked node, or null when the click hit no node. */
    public void setOnSelect(Consumer<GraphNode> handler) {
        onSelect = handler;
    }

    /** The selected node as it is in the current graph, or null. */
    public GraphNode selected() {
        return pickedId == null || graph == null || !graph.contains(pickedId) ? null : graph.node(pickedId);
    }

    /** The node under a point of the pane, as GraphStream picks it, or null. */
    public GraphNode nodeAt(double px, double py) {
        if (graph == null) {
            return null;
        }
        GraphicElement hit = view.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), px, py);
        return hit == null || !graph.contains(hit.getId()) ? null : graph.node(hit.getId());
    }

    /** Where a node's centre is on the pane, for tests and tooltips. */
    public Point2D centreOf(String id) {
        Layout.Box b = layout.box(id);
        return new Point2D(getWidth() / 2 + (b.centerX() - centerX) * scale,
                getHeight() / 2 - (-b.centerY() - centerY) * scale);
    }

    /** Scales and centres the whole graph in the pane. */
    public void fit() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double w = Math.max(layout.width(), 1);
        double h = Math.max(layout.height(), 1);
        scale = Math.min(MAX_FIT_SCALE,
                Math.min((getWidth() - 2 * PADDING) / w, (getHeight() - 2 * PADDING) / h));
        centerX = w / 2;
        centerY = -h / 2;
        fitted = true;
        needsFit = false;
        applyCamera();
    }

    /** Stops GraphStream's repaint timer; the pane is unusable afterwards. */
    public void dispose() {
        // GraphStream 2.0's close() throws on a view that never drew (the tab never shown) and on
        // style groups that were never drawn: drop the nodes and draw the empty graph once first
        mirror.graph().clear();
        view.render(view.getGraphics());
        viewer.close();
    }

    private void refit() {
        if (fitted || needsFit) {
            fit();
        }
    }

    /** Shift+arrow: moves the view an eighth of the pane (plain arrows step through backprop). */
    private void pan(KeyCode arrow) {
        double stepX = getWidth() / 8 / scale;
        double stepY = getHeight() / 8 / scale;
        switch (arrow) {
            case LEFT, KP_LEFT -> centerX -= stepX;
            case RIGHT, KP_RIGHT -> centerX += stepX;
            case UP, KP_UP -> centerY += stepY;
            default -> centerY -= stepY;
        }
        fitted = false;
        applyCamera();
    }

    private void zoom(double factor, double px, double py) {
        double s = Math.max(0.05, Math.min(8, scale * factor));
        // keep the graph point under the pointer where it is
        double gx = centerX + (px - getWidth() / 2) / scale;
        double gy = centerY - (py - getHeight() / 2) / scale;
        centerX = gx - (px - getWidth() / 2) / s;
        centerY = gy + (py - getHeight() / 2) / s;
        scale = s;
        fitted = false;
        applyCamera();
    }

    /**
     * Hands the camera to GraphStream: its view percent is relative to the graph viewport fitted
     * into the panel minus the padding, so it is that fit's scale over ours.
     */
    private void applyCamera() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double w = Math.max(layout.width(), 1);
        double h = Math.max(layout.height(), 1);
        Camera camera = view.getCamera();
        camera.setGraphViewport(0, -h, w, 0);
        camera.setViewCenter(centerX, centerY, 0);
        double fitScale = Math.min((getWidth() - 2 * PADDING) / w, (getHeight() - 2 * PADDING) / h);
        camera.setViewPercent(fitScale / scale);
    }

    private void refresh() {
        if (graph != null && layout != null) {
            mirror.show(graph, layout, pickedId);
        }
    }

    private static String resource(String name) {
        try (InputStream in = GraphPane.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mouse and keyboard managers that do nothing: this pane handles input itself. */
    private static final class Inert implements MouseManager, ShortcutManager {
        @Override
        public void init(GraphicGraph graph, View view) {
        }

        @Override
        public void release() {
        }

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
            return EnumSet.noneOf(InteractiveElement.class);
        }
    }
}
