package dev.backprop.playground.ui;

import dev.backprop.playground.graph.EdgeWeight;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Layout;
import dev.backprop.playground.graph.NodeCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.ui.geom.Point3;

/**
 * Keeps a GraphStream graph equal to the {@link GraphModel} on screen: one GraphStream node per
 * model node, placed where the layered layout put it (GraphStream's y axis points up, so y is
 * negated), one edge per model edge along the layout's route. When only values change (every
 * frame while training or stepping) it touches just the labels and classes that differ, so
 * GraphStream repaints without restyling. Not thread-safe: the FX thread owns it.
 */
final class GraphMirror {
    /** Separates a record's compartments in the label text, as draw_dot's record bars do. */
    static final String BAR = " \u2502 ";

    private final Graph graph = new MultiGraph("computation", false, true);
    private Layout layout;
    /** The GraphStream edge of each route, by the route's index. */
    private final List<String> edgeIds = new ArrayList<>();
    /** Which edges are drawn from consumer to producer now: a gradient flowing back along them. */
    private boolean[] reversed = new boolean[0];

    Graph graph() {
        return graph;
    }

    /**
     * Mirrors {@code model} laid out by {@code layout}; {@code pickedId} is the node shown in the
     * inspector (may be null). A new layout object means a new structure: nodes and edges are
     * rebuilt; otherwise labels and classes are updated in place.
     */
    void show(GraphModel model, Layout newLayout, String pickedId) {
        if (newLayout != layout) {
            rebuild(model, newLayout);
        }
        for (GraphNode n : model.nodes()) {
            Node gn = graph.getNode(n.id());
            if (gn != null) {
                setIfChanged(gn, "ui.label", label(n));
                setIfChanged(gn, "ui.class", classes(n, n.id().equals(pickedId)));
            }
        }
        for (int k = 0; k < newLayout.routes().size(); k++) {
            Layout.Route route = newLayout.routes().get(k);
            GraphModel.Edge e = route.edge();
            boolean back = model.flowBackward() && model.flow().contains(e);
            if (back != reversed[k]) {
                // GraphStream draws the arrowhead at an edge's target: a gradient's points at the producer
                graph.removeEdge(edgeIds.get(k));
                addEdge(k, route, back);
            }
            Edge ge = graph.getEdge(edgeIds.get(k));
            EdgeWeight w = model.weight(e);
            // the flow class first: with several classes GraphStream lets the first win
            String cls = model.flow().contains(e) ? GraphStyle.FLOW
                    : w == null ? null : w.weight() < 0 ? GraphStyle.NEGATIVE : GraphStyle.POSITIVE;
            if (!Objects.equals(cls, ge.getAttribute("ui.class"))) {
                if (cls == null) {
                    ge.removeAttribute("ui.class");
                } else {
                    ge.setAttribute("ui.class", cls);
                }
            }
            if (w != null) {
                Object size = ge.getAttribute("ui.size");
                if (!(size instanceof Double d) || d != w.width()) {
                    ge.setAttribute("ui.size", w.width());
                }
            }
        }
    }

    /** Forgets the structure, so the next {@link #show} rebuilds it (after a stylesheet reset). */
    void invalidate() {
        layout = null;
    }

    private void rebuild(GraphModel model, Layout newLayout) {
        layout = newLayout;
        while (graph.getNodeCount() > 0) {
            graph.removeNode(graph.getNodeCount() - 1);
        }
        for (GraphNode n : model.nodes()) {
            Layout.Box b = newLayout.box(n.id());
            assert b.w() == NodeCard.of(n).width() : "the layout was made for this graph";
            Node gn = graph.addNode(n.id());
            gn.setAttribute("xyz", b.centerX(), -b.centerY(), 0.0);
            // sizes in graph units scale with the zoom like the positions do
            gn.setAttribute("ui.style", String.format(Locale.ROOT, "size: %.1fgu, %.1fgu;", b.w(), b.h()));
        }
        edgeIds.clear();
        reversed = new boolean[newLayout.routes().size()];
        for (int k = 0; k < newLayout.routes().size(); k++) {
            Layout.Route r = newLayout.routes().get(k);
            edgeIds.add(r.edge().from() + "->" + r.edge().to() + "#" + k);
            addEdge(k, r, false);
        }
    }

    /** Adds route {@code k}'s edge, from its producer to its consumer or, {@code back}, the other way. */
    private void addEdge(int k, Layout.Route r, boolean back) {
        GraphModel.Edge e = r.edge();
        Edge ge = graph.addEdge(edgeIds.get(k), back ? e.to() : e.from(), back ? e.from() : e.to(), true);
        reversed[k] = back;
        Point3[] bends = bends(r, layout);
        if (bends != null) {
            if (back) {
                java.util.Collections.reverse(java.util.Arrays.asList(bends));
            }
            ge.setAttribute("ui.points", (Object) bends);
        }
    }

    /** Whether route {@code k} is drawn against its direction now (for tests). */
    boolean drawnBackward(int k) {
        return k < reversed.length && reversed[k];
    }

    /**
     * The route as GraphStream polyline points: from the source's centre through the layout's bend
     * points to the target's centre (GraphStream puts the arrowhead where the last segment meets the
     * target's border). Null for a straight edge.
     */
    private static Point3[] bends(Layout.Route r, Layout layout) {
        double[] p = r.points();
        if (p.length <= 4) {
            return null;
        }
        List<Point3> points = new ArrayList<>();
        Layout.Box from = layout.box(r.edge().from());
        Layout.Box to = layout.box(r.edge().to());
        points.add(new Point3(from.centerX(), -from.centerY(), 0));
        for (int i = 2; i + 3 < p.length; i += 2) {
            points.add(new Point3(p[i], -p[i + 1], 0));
        }
        points.add(new Point3(to.centerX(), -to.centerY(), 0));
        return points.toArray(new Point3[0]);
    }

    /**
     * What a node says, as text (CardLayer draws the card; this is for tests and assistive reading):
     * an op pill its op, a record its compartments ({@code a │ data 2.0000 │ grad 6.0000}).
     */
    static String label(GraphNode n) {
        if (!n.hasValue()) {
            return n.op();
        }
        return String.join(BAR, n.compartments());
    }

    /** The step and picked states first: with several classes GraphStream lets the first win. */
    static String classes(GraphNode n, boolean picked) {
        StringBuilder s = new StringBuilder();
        if (n.highlighted()) {
            s.append(GraphStyle.STEP).append(", ");
        }
        if (picked) {
            s.append(GraphStyle.PICKED).append(", ");
        }
        s.append(n.kind().name().toLowerCase(Locale.ROOT));
        if (!n.hasValue()) {
            s.append(", ").append(GraphStyle.PILL);
        }
        return s.toString();
    }

    private static void setIfChanged(Node node, String key, String value) {
        if (!Objects.equals(node.getAttribute(key), value)) {
            node.setAttribute(key, value);
        }
    }
}
