package dev.backprop.playground.ui;

import dev.backprop.playground.graph.EdgeWeight;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.LayeredLayout;
import dev.backprop.playground.graph.Layout;
import dev.backprop.playground.graph.LayoutLimits;
import dev.backprop.playground.graph.NodeCard;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
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
import javafx.util.Duration;
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
 * The computation graph in a GraphStream viewer: every node a card ({@code label / data / grad},
 * heatmaps for tensors) or an op pill, where the layered layout put it. The layout is made for
 * this pane's shape (left to right when it is wide, top down when it is tall, wrapped to its
 * proportions) on a background thread, and again when the shape changes a lot.
 *
 * <p>Readability is a contract: card text is {@link NodeCard#FONT_SIZE} graph units, and the view
 * never scales below {@link #MIN_SCALE}, so no number is drawn under {@link #MIN_TEXT_PX} pixels.
 * A graph that does not fit at that scale is panned (a map in the corner shows where the view is),
 * never shrunk. Scroll to zoom at the pointer, drag or Shift+arrows to pan, click a node to inspect
 * it, double-click or F to fit, + and - to zoom. The camera is driven here, not by GraphStream's
 * default managers (those move nodes on drag and take the arrow keys, which step through backprop).
 */
public final class GraphPane extends StackPane {
    public static final String STYLE_CLASS = "graph-pane";
    /** The smallest text the graph ever draws, in pixels. */
    public static final double MIN_TEXT_PX = 11;
    static final double MIN_SCALE = MIN_TEXT_PX / NodeCard.FONT_SIZE;
    private static final double MAX_SCALE = 8;
    /** GraphStream's graph padding from the stylesheet, in pixels, on each side. */
    private static final double PADDING = GraphStyle.PADDING_PX;
    private static final double MAX_FIT_SCALE = 1.6;
    private static final double TITLE_STRIP = 22;
    /** The colour legend's strip under the graph: the key never covers a card. */
    static final double LEGEND_STRIP = 22;
    /** A pane whose proportions moved this much since the layout was made gets a new one. */
    private static final double RESHAPE_RATIO = 1.3;

    private final GraphMirror mirror = new GraphMirror();
    private final CardLayer cards = new CardLayer();
    private final FxViewer viewer;
    private final FxDefaultView view;
    private final Label title = new Label();
    private final Label notice = new Label();
    private final Minimap minimap = new Minimap(this::centreOn);
    private final Label weightTip = new Label();
    private final PaletteLegend legend = new PaletteLegend();
    /** How near an edge the pointer must be to show its weight. */
    static final double EDGE_PICK_PX = 6;
    private final ExecutorService layoutWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "graph-layout");
        t.setDaemon(true);
        return t;
    });
    private final PauseTransition reshape = new PauseTransition(Duration.millis(200));
    private GraphModel graph;
    private Layout layout;
    private LayeredLayout.Shape layoutShape;
    /** Bumped for every layout request: a result for an older request is dropped. */
    private long layoutRequest;
    /** The newest request, as the layout thread sees it. */
    private final java.util.concurrent.atomic.AtomicLong latestRequest = new java.util.concurrent.atomic.AtomicLong();
    /** The graph and shape of the layout being made, or null when none is under way. */
    private GraphModel pendingGraph;
    private LayeredLayout.Shape pendingShape;
    private String pickedId;
    private String followedId;
    private boolean dark;
    private boolean stale;
    private Consumer<GraphNode> onSelect = n -> { };
    private Consumer<Layout> onLayout = l -> { };

    // the camera: graph-unit centre (y up) and pixels per graph unit
    private double centerX;
    private double centerY;
    private double scale = 1;
    /** The view shows the whole graph, or its start when it is too big (a resize fits it again). */
    private boolean fitted;
    private double dragX;
    private double dragY;
    private boolean cameraPending;
    /** Part of the graph is out of view, so the map is wanted (it hides while it would cover a lit card). */
    private boolean minimapWanted;

    public GraphPane() {
        getStyleClass().add(STYLE_CLASS);
        setMinSize(200, 120);
        setFocusTraversable(true);
        mirror.graph().setAttribute("ui.antialias");
        mirror.graph().setAttribute("ui.quality");
        viewer = new FxViewer(mirror.graph(), Viewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        viewer.disableAutoLayout();
        view = (FxDefaultView) viewer.addDefaultView(false);
        view.setMouseManager(new Inert());
        view.setShortcutManager(new Inert());
        view.setForeLayoutRenderer(cards);
        view.setMinSize(0, 0);
        view.setPrefSize(800, 500);
        mirror.graph().setAttribute("ui.stylesheet", GraphStyle.stylesheet(false));

        // GraphStream reads mouse coordinates relative to its panel: it gets a pane of its own
        StackPane holder = new StackPane(view);
        holder.setMinSize(0, 0);
        title.getStyleClass().add("graph-title");
        title.setMouseTransparent(true);
        StackPane.setAlignment(title, Pos.TOP_LEFT);
        title.setTranslateX(8);
        title.setTranslateY(3);
        // the title has a strip of its own: a panned graph never slides under it
        StackPane.setMargin(holder, new javafx.geometry.Insets(TITLE_STRIP, 0, LEGEND_STRIP, 0));
        notice.getStyleClass().add("graph-notice");
        notice.setWrapText(true);
        notice.setVisible(false);
        notice.setMouseTransparent(true);
        StackPane.setAlignment(notice, Pos.TOP_CENTER);
        notice.setTranslateY(28);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        minimap.setTranslateX(-8);
        minimap.setTranslateY(-LEGEND_STRIP - 4);
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        legend.setTranslateX(8);
        legend.setTranslateY(-2);
        weightTip.getStyleClass().addAll("graph-notice", "weight-tip");
        weightTip.setMouseTransparent(true);
        weightTip.setVisible(false);
        StackPane.setAlignment(weightTip, Pos.TOP_LEFT);
        getChildren().addAll(holder, title, notice, legend, minimap, weightTip);
        initListeners();
    }

    private void initListeners() {
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
        reshape.setOnFinished(e -> {
            if (graph != null && reshaped()) {
                layOut(graph);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) { // a sideways swipe is no zoom
                zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            }
        });
        // a hand over a node says it can be clicked
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            boolean onNode = nodeAt(e.getX(), e.getY()) != null;
            setCursor(onNode ? Cursor.HAND : Cursor.DEFAULT);
            showWeightAt(onNode ? null : weightAt(e.getX(), e.getY()), e.getX(), e.getY());
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> showWeightAt(null, 0, 0));
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
                zoom(1.2, getWidth() / 2, TITLE_STRIP + viewHeight() / 2);
            } else if (e.getCode() == KeyCode.MINUS) {
                zoom(1 / 1.2, getWidth() / 2, TITLE_STRIP + viewHeight() / 2);
            }
        });
    }

    /** Light or dark colours. */
    public void setTheme(boolean darkTheme) {
        if (darkTheme == dark) {
            return;
        }
        dark = darkTheme;
        // removing the attribute clears the style sheet, per-node sizes included: rebuild them
        mirror.graph().removeAttribute("ui.stylesheet");
        mirror.graph().setAttribute("ui.stylesheet", GraphStyle.stylesheet(dark));
        cards.setDark(dark);
        minimap.setDark(dark);
        mirror.invalidate();
        refresh();
    }

    /**
     * Shows a graph. When only its values changed the cards update at once; a new structure is
     * laid out in the background for this pane's shape, then fitted.
     */
    public void show(GraphModel newGraph) {
        if (newGraph == graph) {
            return;
        }
        graph = newGraph;
        if (layout != null && layout.fits(graph)) {
            refresh();
            followStep();
        } else {
            layOut(graph);
        }
    }

    /** Marks the graph as out of date (the lab's script has an error): dimmed, with the reason. */
    public void setStale(String why) {
        stale = why != null;
        notice.setText(why == null ? "" : why);
        notice.setVisible(stale || notice.getText().length() > 0);
        view.setOpacity(stale ? 0.35 : 1);
    }

    private void layOut(GraphModel g) {
        if (layoutWorker.isShutdown()) {
            return; // disposed: the window is closing
        }
        LayeredLayout.Shape shape = paneShape();
        // new values of a structure already being laid out (a frame while a big layout runs): wait for it
        if (pendingGraph != null && shape.equals(pendingShape) && sameStructure(pendingGraph, g)) {
            return;
        }
        pendingGraph = g;
        pendingShape = shape;
        long request = ++layoutRequest;
        latestRequest.set(request);
        layoutWorker.submit(() -> {
            if (request != latestRequest.get()) {
                return; // a newer request is queued behind this one: skip the work
            }
            Layout made;
            try {
                made = LayeredLayout.layout(g, shape);
            } catch (LayoutLimits.GraphTooLargeException e) {
                failed(request, e.getMessage() + " Try a smaller expression or network.");
                return;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failed(request, "The graph could not be laid out: " + e);
                return;
            }
            Platform.runLater(() -> {
                if (request == layoutRequest && !layoutWorker.isShutdown()) {
                    pendingGraph = null;
                    adopt(made, shape);
                }
            });
        });
    }

    /** A layout that could not be made: say why; the graph on screen stays. */
    private void failed(long request, String why) {
        Platform.runLater(() -> {
            if (request == layoutRequest) {
                showNotice(why);
            }
        });
    }

    /** Same nodes with cards of the same sizes, same edges: one layout serves both. */
    private static boolean sameStructure(GraphModel a, GraphModel b) {
        if (a.size() != b.size() || !a.edges().equals(b.edges())) {
            return false;
        }
        for (GraphNode n : a.nodes()) {
            if (!b.contains(n.id())) {
                return false;
            }
            NodeCard x = NodeCard.of(n);
            NodeCard y = NodeCard.of(b.node(n.id()));
            if (x.width() != y.width() || x.height() != y.height()) {
                return false;
            }
        }
        return true;
    }

    private void adopt(Layout made, LayeredLayout.Shape shape) {
        layout = made;
        layoutShape = shape;
        if (!stale) {
            notice.setVisible(false);
        }
        refresh();
        fit();
        followStep();
        onLayout.accept(made);
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    /** The shape to lay the graph out for: this pane's, once it has a size. */
    private LayeredLayout.Shape paneShape() {
        return LayeredLayout.Shape.forPane(getWidth() - 2 * PADDING, viewHeight() - 2 * PADDING);
    }

    /** Whether the pane's shape moved far from the one the layout was made for. */
    private boolean reshaped() {
        if (layoutShape == null) {
            return true;
        }
        LayeredLayout.Shape now = paneShape();
        double ratio = now.aspectRatio() / Math.max(1e-9, layoutShape.aspectRatio());
        return now.topDown() != layoutShape.topDown() || ratio > RESHAPE_RATIO || ratio < 1 / RESHAPE_RATIO;
    }

    /**
     * Zoomed in while stepping, the next node can be off screen: when the stepped node changes and a
     * card of its step (the node and those its value or gradient flows along) is not wholly visible,
     * the view pans just enough to show them all with a margin (the zoom stays); a step too wide for
     * the view keeps the stepped node in it. Panning no further keeps the nodes already read in view.
     */
    private void followStep() {
        String stepped = graph.nodes().stream().filter(GraphNode::highlighted).map(GraphNode::id)
                .findFirst().orElse(null);
        if (stepped == null || stepped.equals(followedId) || layout.box(stepped) == null) {
            followedId = stepped;
            minimap.highlight(followedId);
            placeMinimap();
            return;
        }
        followedId = stepped;
        minimap.highlight(followedId);
        placeMinimap(); // off the step's cards when another corner is free, even where the view stays
        Layout.Box b = layout.box(stepped);
        double minX = b.x();
        double maxX = b.x() + b.w();
        double minY = b.y();
        double maxY = b.y() + b.h();
        for (String id : litIds()) {
            Layout.Box l = layout.box(id);
            if (l != null) {
                minX = Math.min(minX, l.x());
                maxX = Math.max(maxX, l.x() + l.w());
                minY = Math.min(minY, l.y());
                maxY = Math.max(maxY, l.y() + l.h());
            }
        }
        double halfW = (getWidth() / 2 - PADDING) / scale;
        double halfH = (viewHeight() / 2 - PADDING) / scale;
        double x = panTo(centerX, minX, maxX, b.x(), b.x() + b.w(), halfW);
        double y = panTo(-centerY, minY, maxY, b.y(), b.y() + b.h(), halfH);
        if (x != centerX || y != -centerY) {
            centreOn(x, y);
        }
    }

    /**
     * The nearest centre (one axis) whose view, {@code half} either side, holds {@code min..max}; when
     * that span is wider than the view, the nearest that holds the stepped card's {@code cardMin..cardMax}.
     */
    private static double panTo(double centre, double min, double max, double cardMin, double cardMax, double half) {
        if (max - min > 2 * half) {
            min = cardMin;
            max = cardMax;
        }
        return Math.max(max - half, Math.min(min + half, centre));
    }

    /** The cards the step lights: the stepped node and the ends of the edges its value or gradient flows along. */
    private java.util.Set<String> litIds() {
        java.util.Set<String> lit = new java.util.LinkedHashSet<>();
        for (GraphNode n : graph.nodes()) {
            if (n.highlighted()) {
                lit.add(n.id());
            }
        }
        for (GraphModel.Edge e : graph.flow()) {
            lit.add(e.from());
            lit.add(e.to());
        }
        return lit;
    }

    /** Centres the view on a node (keeping the zoom), e.g. to bring an off-screen node into view. */
    void reveal(String id) {
        Layout.Box b = layout == null ? null : layout.box(id);
        if (b != null) {
            centreOn(b.centerX(), b.centerY());
        }
    }

    /** Centres the view on a point of the layout (y down), keeping the zoom. */
    private void centreOn(double x, double y) {
        centerX = x;
        centerY = -y;
        fitted = false;
        applyCamera();
    }

    public GraphModel graph() {
        return graph;
    }

    /** The layout the graph is drawn with (null until the first one is made). */
    public Layout graphLayout() {
        return layout;
    }

    /** Called on the FX thread each time a new layout is adopted (tests wait for it). */
    public void setOnLayout(Consumer<Layout> handler) {
        onLayout = handler;
    }

    /** The height of the smallest text the graph draws now, in pixels: font size times zoom. */
    public double smallestTextPx() {
        return NodeCard.FONT_SIZE * scale;
    }

    /** Pixels per graph unit. */
    public double scale() {
        return scale;
    }

    /** Whether the whole graph is in view (false: part of it, and the map shows which). */
    public boolean showsWholeGraph() {
        return layout != null && layout.width() * scale <= getWidth() + 1 && layout.height() * scale <= viewHeight() + 1;
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

    /** The ui.class GraphStream draws an edge with ("flow" while it carries the stepped value), or null. */
    String drawnEdgeClass(int index) {
        if (layout == null || index >= layout.routes().size()) {
            return null;
        }
        GraphModel.Edge e = layout.routes().get(index).edge();
        var edge = mirror.graph().getEdge(e.from() + "->" + e.to() + "#" + index);
        return edge == null ? null : (String) edge.getAttribute("ui.class");
    }

    /** Whether the route at {@code index} is drawn from its consumer to its producer (a gradient flowing back). */
    boolean drawnBackward(int index) {
        return mirror.drawnBackward(index);
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
        if (graph == null || layout == null) {
            return null;
        }
        GraphicElement hit = view.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), px, py - TITLE_STRIP);
        return hit == null || !graph.contains(hit.getId()) ? null : graph.node(hit.getId());
    }

    /** The height of the graph's view: the pane less the title's and the legend's strips. */
    private double viewHeight() {
        return Math.max(1, getHeight() - TITLE_STRIP - LEGEND_STRIP);
    }

    /**
     * The pane's overlays now shown (the map, the colour legend, a notice, a weight's tip), in the
     * pane's coordinates: what may never cover a card.
     */
    java.util.List<javafx.geometry.Bounds> overlayBounds() {
        java.util.List<javafx.geometry.Bounds> shown = new java.util.ArrayList<>();
        for (javafx.scene.Node n : new javafx.scene.Node[] {minimap, legend, notice, weightTip}) {
            if (n.isVisible()) {
                shown.add(n.getBoundsInParent());
            }
        }
        return shown;
    }

    /** The colour legend's bounds in the pane: it lives in a strip of its own, under the graph. */
    java.util.List<javafx.geometry.Bounds> legendBounds() {
        return java.util.List.of(legend.getBoundsInParent());
    }

    /** Where the graph is drawn in the pane: between the title's strip and the legend's. */
    javafx.geometry.Rectangle2D viewBounds() {
        return new javafx.geometry.Rectangle2D(0, TITLE_STRIP, getWidth(), viewHeight());
    }

    /** Whether the map of a graph larger than the view is up. */
    boolean minimapShown() {
        return minimap.isVisible();
    }

    /** A node's card on the pane, in pixels (for tests: what the overlays must leave clear). */
    public javafx.geometry.Rectangle2D cardOnPane(String id) {
        Layout.Box b = layout.box(id);
        Point2D c = paneOf(b.centerX(), b.centerY());
        return new javafx.geometry.Rectangle2D(c.getX() - b.w() * scale / 2, c.getY() - b.h() * scale / 2,
                b.w() * scale, b.h() * scale);
    }

    /**
     * The weight of the edge nearest a point of the pane within {@link #EDGE_PICK_PX} (neuron view),
     * or null: measured on the layout's routes, the lines GraphStream draws.
     */
    public EdgeWeight weightAt(double px, double py) {
        if (graph == null || layout == null || !layout.fits(graph)) {
            return null;
        }
        EdgeWeight best = null;
        double bestDistance = EDGE_PICK_PX;
        for (Layout.Route r : layout.routes()) {
            EdgeWeight w = graph.weight(r.edge());
            if (w == null) {
                continue;
            }
            Point2D a = paneOf(layout.box(r.edge().from()).centerX(), layout.box(r.edge().from()).centerY());
            Point2D b = paneOf(layout.box(r.edge().to()).centerX(), layout.box(r.edge().to()).centerY());
            double d = distanceToSegment(px, py, a, b);
            if (d < bestDistance) {
                bestDistance = d;
                best = w;
            }
        }
        return best;
    }

    private void showWeightAt(EdgeWeight w, double px, double py) {
        if (w == null) {
            weightTip.setVisible(false);
            return;
        }
        weightTip.setText(w.name() + " = " + dev.backprop.playground.graph.NumberFormat.fixed4(w.weight())
                + (Double.isNaN(w.grad()) ? "" : "\ndL/d" + w.name() + " = " + dev.backprop.playground.graph.NumberFormat.fixed4(w.grad())));
        weightTip.setTranslateX(Math.min(px + 14, Math.max(0, getWidth() - 220)));
        weightTip.setTranslateY(py + 14);
        weightTip.setVisible(true);
    }

    private static double distanceToSegment(double px, double py, Point2D a, Point2D b) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - a.getX()) * dx + (py - a.getY()) * dy) / len2));
        return Math.hypot(px - (a.getX() + t * dx), py - (a.getY() + t * dy));
    }

    /** A point of the layout (y down) on the pane. */
    private Point2D paneOf(double x, double y) {
        return new Point2D(getWidth() / 2 + (x - centerX) * scale, TITLE_STRIP + viewHeight() / 2 - (-y - centerY) * scale);
    }

    /** Where a node's centre is on the pane, for tests and tooltips. */
    public Point2D centreOf(String id) {
        Layout.Box b = layout.box(id);
        return paneOf(b.centerX(), b.centerY());
    }

    /**
     * Scales the whole graph into the pane, but never below the readable scale: a graph too big for
     * that shows its start (or the stepped node), and the map shows the rest.
     */
    public void fit() {
        if (layout == null || getWidth() <= 0 || viewHeight() <= 1) {
            return;
        }
        double w = Math.max(layout.width(), 1);
        double h = Math.max(layout.height(), 1);
        double fitScale = Math.min((getWidth() - 2 * PADDING) / w, (viewHeight() - 2 * PADDING) / h);
        scale = Math.max(MIN_SCALE, Math.min(MAX_FIT_SCALE, fitScale));
        // each axis: centred when it fits; else across the layers the graph's start at the pane's edge,
        // and along them the first node (the input) in the middle: where a reader begins
        double halfW = getWidth() / 2 / scale;
        double halfH = viewHeight() / 2 / scale;
        Layout.Box start = graph == null || graph.size() == 0 ? null : layout.box(graph.nodes().get(0).id());
        if (layoutShape != null && layoutShape.topDown()) {
            centerX = w * scale <= getWidth() ? w / 2 : start != null ? start.centerX() : halfW - PADDING / scale;
            centerY = -(h * scale <= viewHeight() ? h / 2 : halfH - PADDING / scale);
        } else {
            centerX = w * scale <= getWidth() ? w / 2 : halfW - PADDING / scale;
            centerY = -(h * scale <= viewHeight() ? h / 2 : start != null ? start.centerY() : halfH - PADDING / scale);
        }
        fitted = true;
        applyCamera();
    }

    /** Stops GraphStream's repaint timer and the layout thread; the pane is unusable afterwards. */
    public void dispose() {
        reshape.stop();
        layoutWorker.shutdownNow();
        // GraphStream 2.0's close() throws on a view that never drew (the tab never shown) and on
        // style groups that were never drawn: drop the nodes and draw the empty graph once first
        mirror.graph().clear();
        view.render(view.getGraphics());
        viewer.close();
    }

    private void resized() {
        if (fitted) {
            fit();
        } else {
            applyCamera();
        }
        reshape.playFromStart();
    }

    /** Shift+arrow: moves the view an eighth of the pane (plain arrows step through backprop). */
    private void pan(KeyCode arrow) {
        double stepX = getWidth() / 8 / scale;
        double stepY = viewHeight() / 8 / scale;
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
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        // keep the graph point under the pointer where it is
        double vy = py - TITLE_STRIP;
        double gx = centerX + (px - getWidth() / 2) / scale;
        double gy = centerY - (vy - viewHeight() / 2) / scale;
        centerX = gx - (px - getWidth() / 2) / s;
        centerY = gy + (vy - viewHeight() / 2) / s;
        scale = s;
        fitted = false;
        applyCamera();
    }

    /**
     * Hands the camera to GraphStream: its view percent is relative to the graph viewport fitted
     * into the panel minus the padding, so it is that fit's scale over ours.
     */
    private void applyCamera() {
        if (layout == null || getWidth() <= 0 || viewHeight() <= 1) {
            return;
        }
        double w = Math.max(layout.width(), 1);
        double h = Math.max(layout.height(), 1);
        // a graph larger than the view is panned within its bounds: the view never drifts off into
        // empty space (an axis that fits keeps the centre it was given)
        double halfW = getWidth() / 2 / scale - PADDING / scale;
        double halfH = viewHeight() / 2 / scale - PADDING / scale;
        if (w > 2 * halfW) {
            centerX = Math.max(halfW, Math.min(w - halfW, centerX));
        }
        if (h > 2 * halfH) {
            centerY = -Math.max(halfH, Math.min(h - halfH, -centerY));
        }
        Camera camera = view.getCamera();
        if (camera == null) {
            // GraphStream makes its camera when the view first draws: apply this then
            if (!cameraPending) {
                cameraPending = true;
                Platform.runLater(() -> {
                    cameraPending = false;
                    applyCamera();
                });
            }
            return;
        }
        camera.setGraphViewport(0, -h, w, 0);
        camera.setViewCenter(centerX, centerY, 0);
        double fitScale = Math.min((getWidth() - 2 * PADDING) / w, (viewHeight() - 2 * PADDING) / h);
        camera.setViewPercent(fitScale / scale);
        // the map: where the view is in the whole graph, shown only when part of it is hidden
        minimapWanted = !showsWholeGraph();
        minimap.show(layout, centerX - getWidth() / 2 / scale, -centerY - viewHeight() / 2 / scale,
                getWidth() / scale, viewHeight() / scale, minimapWanted);
        placeMinimap();
    }

    /**
     * The map goes to the corner of the view where it covers least of the cards (a card the step lights
     * counting most), bottom right on a tie; where every corner would cover a lit card it hides until
     * the step moves on or the view does.
     */
    private void placeMinimap() {
        if (!minimap.isVisible() && !minimapWanted || graph == null || layout == null) {
            return;
        }
        double w = minimap.prefWidth(-1);
        double h = minimap.prefHeight(w);
        double bottom = getHeight() - LEGEND_STRIP - 4 - h;
        double top = TITLE_STRIP + 4;
        java.util.Set<String> lit = litIds();
        Pos[] corners = {Pos.BOTTOM_RIGHT, Pos.BOTTOM_LEFT, Pos.TOP_RIGHT, Pos.TOP_LEFT};
        Pos best = null;
        int bestCost = Integer.MAX_VALUE;
        for (Pos corner : corners) {
            boolean left = corner.getHpos() == javafx.geometry.HPos.LEFT;
            boolean up = corner.getVpos() == javafx.geometry.VPos.TOP;
            int cost = coveredBy(left ? 8 : getWidth() - 8 - w, up ? top : bottom, w, h, lit);
            if (cost < bestCost) {
                best = corner;
                bestCost = cost;
            }
        }
        minimap.setVisible(minimapWanted && bestCost < LIT_COST);
        StackPane.setAlignment(minimap, best);
        boolean left = best.getHpos() == javafx.geometry.HPos.LEFT;
        minimap.setTranslateX(left ? 8 : -8);
        minimap.setTranslateY(best.getVpos() == javafx.geometry.VPos.TOP ? top : -LEGEND_STRIP - 4);
    }

    /** What covering a card the step lights costs the map's corner: more than all the other cards. */
    private static final int LIT_COST = 10_000;

    /** How much of the cards the rectangle covers on the pane: each card 1, a lit one {@link #LIT_COST}. */
    private int coveredBy(double x, double y, double w, double h, java.util.Set<String> lit) {
        int cost = 0;
        for (GraphNode n : graph.nodes()) {
            Layout.Box b = layout.box(n.id());
            if (b == null) {
                continue;
            }
            Point2D c = paneOf(b.centerX(), b.centerY());
            double halfW = b.w() * scale / 2;
            double halfH = b.h() * scale / 2;
            if (c.getX() + halfW > x && c.getX() - halfW < x + w && c.getY() + halfH > y && c.getY() - halfH < y + h) {
                cost += lit.contains(n.id()) ? LIT_COST : 1;
            }
        }
        return cost;
    }

    private void refresh() {
        if (graph != null && layout != null && layout.fits(graph)) {
            title.setText(graph.title()); // with the cards, from one graph: the header names the example they hold
            cards.setModel(graph);
            mirror.show(graph, layout, pickedId);
            weightTip.setVisible(false); // its numbers were the old graph's: the next move shows the new ones
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
