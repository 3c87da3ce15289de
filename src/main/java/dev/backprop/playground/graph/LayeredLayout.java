package dev.backprop.playground.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.CuttingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.ValidifyStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Layered (Sugiyama) layout by Eclipse ELK's "layered" algorithm: layers by longest path, crossing
 * minimisation by layer sweeps, then coordinates that keep nodes apart. Left to right (graphviz's
 * rankdir=LR) or top down; given the shape of the pane it is drawn in, ELK wraps a long chain into
 * rows (or columns) so the graph fills that shape instead of becoming a thin strip that has to be
 * shrunk. ELK cuts where its own aspect-ratio rule says; for a small graph the cuts that split the
 * layers evenly into two, three or four rows are tried as well, with straight node placement, and
 * the layout that can be drawn largest in the pane wins: ELK alone wraps the default 2-50-1 network
 * three layers over five, wider than a 1280x800 window's graph pane at 11 px, where four over four
 * fits. Deterministic (ELK's fixed random seed, a fixed order of tries): the same graph, the same
 * positions.
 */
public final class LayeredLayout {
    static final double MARGIN = 8;
    /** Graphs up to this many nodes get the extra wrapping tries (each is one more ELK run). */
    static final int TRY_CUTS_UP_TO = 50;
    /** The most rows (or columns) a graph is wrapped into by the even cuts. */
    static final int MAX_ROWS = 4;
    /** A try must be drawable this much larger than an earlier one to replace it. */
    private static final double BETTER = 1.02;
    /**
     * Crossing-minimisation effort: ELK's default (7) for the graphs people read node by node,
     * the least (1) from {@link #LARGE} nodes on, where it costs seconds otherwise.
     */
    static final int THOROUGH = 7;
    static final int FAST = 1;
    static final int LARGE = 300;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private LayeredLayout() {
    }

    /** Which way the layers run, and the width over height of the area to fill (0: no wrapping). */
    public record Shape(boolean topDown, double aspectRatio) {
        public static final Shape LEFT_TO_RIGHT = new Shape(false, 0);

        /**
         * The shape for a pane of this size: left to right when it is wider than tall, top down
         * otherwise, wrapped to the pane's proportions.
         */
        public static Shape forPane(double width, double height) {
            if (width <= 0 || height <= 0) {
                return LEFT_TO_RIGHT;
            }
            return new Shape(height > width, width / height);
        }
    }

    /** Left to right in one band, as graphviz draws it: the CLI's graph.svg. */
    public static Layout layout(GraphModel graph) {
        return layout(graph, Shape.LEFT_TO_RIGHT);
    }

    /** @throws LayoutLimits.GraphTooLargeException for a graph beyond {@link LayoutLimits} */
    public static Layout layout(GraphModel graph, Shape shape) {
        LayoutLimits.check(graph);
        Layout best = layout(graph, shape, List.of(), false);
        if (shape.aspectRatio() <= 0 || graph.size() > TRY_CUTS_UP_TO) {
            return best;
        }
        int layers = LayoutLimits.layerCount(graph);
        double bestScale = drawnScale(best, shape);
        for (int rows = 2; rows <= Math.min(MAX_ROWS, layers); rows++) {
            List<Integer> cuts = new ArrayList<>();
            for (int i = 1; i < rows; i++) {
                cuts.add((int) Math.round((double) i * layers / rows));
            }
            Layout tried;
            try {
                tried = layout(graph, shape, cuts, true);
            } catch (RuntimeException e) {
                continue; // a try ELK cannot make: the others stand (ELK's own choice always does)
            }
            double scale = drawnScale(tried, shape);
            if (scale > bestScale * BETTER) {
                best = tried;
                bestScale = scale;
            }
        }
        return best;
    }

    /**
     * How large a layout can be drawn in a pane of the shape's proportions (pane height 1): the
     * smaller of the two axes' scales.
     */
    static double drawnScale(Layout l, Shape shape) {
        double across = shape.topDown() ? 1 / shape.aspectRatio() : shape.aspectRatio();
        double w = shape.topDown() ? l.height() : l.width();
        double h = shape.topDown() ? l.width() : l.height();
        return Math.min(across / Math.max(1, w), 1 / Math.max(1, h));
    }

    /**
     * One ELK run. {@code cuts}: the layers where a new row begins (empty: ELK's own choice),
     * {@code straight}: linear-segment placement, which keeps a chain on one line and a wrapped row
     * low.
     */
    private static Layout layout(GraphModel graph, Shape shape, List<Integer> cuts, boolean straight) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, shape.topDown() ? Direction.DOWN : Direction.RIGHT);
        if (shape.aspectRatio() > 0) {
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
            root.setProperty(LayeredOptions.ASPECT_RATIO, shape.aspectRatio());
            if (!cuts.isEmpty()) {
                // exactly these cuts: ELK would otherwise move them to where fewer edges cross
                root.setProperty(LayeredOptions.WRAPPING_CUTTING_STRATEGY, CuttingStrategy.MANUAL);
                root.setProperty(LayeredOptions.WRAPPING_CUTTING_CUTS, cuts);
                root.setProperty(LayeredOptions.WRAPPING_VALIDIFY_STRATEGY, ValidifyStrategy.NO);
                root.setProperty(LayeredOptions.WRAPPING_MULTI_EDGE_IMPROVE_CUTS, false);
            }
        }
        if (straight) {
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.LINEAR_SEGMENTS);
        }
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        if (graph.isNeuronView()) {
            // units in their order, h1.1 above h1.2: a layer reads like a column of TF Playground's
            root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        }
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 14.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 24.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 10.0);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        root.setProperty(LayeredOptions.THOROUGHNESS, graph.size() < LARGE ? THOROUGH : FAST);

        Map<String, ElkNode> elkNodes = new HashMap<>();
        for (GraphNode n : graph.nodes()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setIdentifier(n.id());
            NodeCard card = NodeCard.of(n);
            e.setDimensions(card.width(), card.height());
            elkNodes.put(n.id(), e);
        }
        Map<ElkEdge, GraphModel.Edge> elkEdges = new HashMap<>();
        List<ElkEdge> edgeOrder = new ArrayList<>();
        for (GraphModel.Edge edge : graph.edges()) {
            ElkEdge e = ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to()));
            elkEdges.put(e, edge);
            edgeOrder.add(e);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Layout.Box> boxes = new HashMap<>();
        for (Map.Entry<String, ElkNode> e : elkNodes.entrySet()) {
            ElkNode n = e.getValue();
            boxes.put(e.getKey(), new Layout.Box(n.getX() + MARGIN, n.getY() + MARGIN, n.getWidth(), n.getHeight()));
        }
        List<Layout.Route> routes = new ArrayList<>();
        for (ElkEdge e : edgeOrder) {
            routes.add(new Layout.Route(elkEdges.get(e), route(e)));
        }
        return new Layout(boxes, routes, root.getWidth() + 2 * MARGIN, root.getHeight() + 2 * MARGIN);
    }

    private static double[] route(ElkEdge e) {
        List<Double> pts = new ArrayList<>();
        for (ElkEdgeSection s : e.getSections()) {
            pts.add(s.getStartX() + MARGIN);
            pts.add(s.getStartY() + MARGIN);
            for (ElkBendPoint b : s.getBendPoints()) {
                pts.add(b.getX() + MARGIN);
                pts.add(b.getY() + MARGIN);
            }
            pts.add(s.getEndX() + MARGIN);
            pts.add(s.getEndY() + MARGIN);
        }
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pts.get(i);
        }
        return out;
    }
}
