package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.expr.Evaluator;
import dev.backprop.playground.expr.Presets;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.LayeredLayout;
import dev.backprop.playground.graph.Layout;
import dev.backprop.playground.graph.ValueGraphBuilder;
import java.util.Set;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.ui.geom.Point3;
import org.junit.jupiter.api.Test;

/** The GraphStream graph behind the graph pane, checked without a display. */
class GraphMirrorTest {

    private static GraphNode byLabel(GraphModel g, String label) {
        return g.nodes().stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    private static GraphModel seedGraph(boolean backward, String highlight) {
        Evaluator.Program p = Evaluator.run(Presets.SEED_GRAPH.script(), null);
        if (backward) {
            p.output().backward();
        }
        Value marked = highlight == null ? null : p.bindings().get(highlight);
        return ValueGraphBuilder.build(p.output(), Set.of(), backward ? null : Set.of(), marked);
    }

    @Test
    void everyModelNodeAndEdgeBecomesAGraphStreamElementAtItsLayoutPlace() {
        GraphModel model = seedGraph(true, null);
        Layout layout = LayeredLayout.layout(model);
        GraphMirror mirror = new GraphMirror();
        mirror.show(model, layout, null);
        Graph g = mirror.graph();
        assertEquals(model.size(), g.getNodeCount());
        assertEquals(model.edges().size(), g.getEdgeCount());
        for (GraphNode n : model.nodes()) {
            Node gn = g.getNode(n.id());
            assertNotNull(gn, n.id());
            Object[] xyz = (Object[]) gn.getAttribute("xyz");
            Layout.Box b = layout.box(n.id());
            assertEquals(b.centerX(), (Double) xyz[0], 1e-9);
            assertEquals(-b.centerY(), (Double) xyz[1], 1e-9, "GraphStream's y axis points up");
        }
        for (GraphModel.Edge e : model.edges()) {
            assertTrue(g.getNode(e.from()).hasEdgeToward(e.to()), e.toString());
        }
    }

    @Test
    void recordsShowLabelDataAndGradLikeDrawDot() {
        GraphModel model = seedGraph(true, null);
        GraphMirror mirror = new GraphMirror();
        mirror.show(model, LayeredLayout.layout(model), null);
        Node a = mirror.graph().getNode(byLabel(model, "a").id());
        assertEquals("a \u2502 data 2.0000 \u2502 grad 6.0000", a.getAttribute("ui.label"));
        assertEquals("input", a.getAttribute("ui.class"));
        Node plus = mirror.graph().getNode(byLabel(model, "d").id() + "op");
        assertEquals("+", plus.getAttribute("ui.label"), "an op pill shows its op");
        assertEquals("op, pill", plus.getAttribute("ui.class"));
        Node loss = mirror.graph().getNode(byLabel(model, "L").id());
        assertEquals("L \u2502 data -8.0000 \u2502 grad 1.0000", loss.getAttribute("ui.label"));
        assertEquals("loss", loss.getAttribute("ui.class"));
    }

    @Test
    void newValuesUpdateLabelsInPlaceAndStateClassesComeFirst() {
        GraphModel before = seedGraph(false, null);
        Layout layout = LayeredLayout.layout(before);
        GraphMirror mirror = new GraphMirror();
        mirror.show(before, layout, null);
        String cId = byLabel(before, "c").id();
        Node c = mirror.graph().getNode(cId);
        assertEquals("c \u2502 data 10.0000 \u2502 grad \u2013", c.getAttribute("ui.label"), "no grad before backward");

        GraphModel after = seedGraph(true, "c");
        mirror.show(after, layout, cId);
        assertSame(c, mirror.graph().getNode(cId), "same layout: the node is updated, not rebuilt");
        assertEquals("c \u2502 data 10.0000 \u2502 grad -2.0000", c.getAttribute("ui.label"));
        assertEquals("step, picked, input", c.getAttribute("ui.class"), "with several classes GraphStream lets the first win");

        mirror.show(after, LayeredLayout.layout(after), null);
        Node rebuilt = mirror.graph().getNode(cId);
        assertFalse(rebuilt == c, "a new layout rebuilds the structure");
        assertEquals("step, input", rebuilt.getAttribute("ui.class"));
    }

    @Test
    void bentRoutesBecomePolylinesThroughTheLayoutsBendPoints() {
        Value L = Evaluator.run(Presets.TINY_MLP.script(), null).output();
        GraphModel model = ValueGraphBuilder.build(L);
        // wrapped into a pane twice as wide as tall: the edges that wrap from one band to the next bend
        Layout layout = LayeredLayout.layout(model, new LayeredLayout.Shape(false, 2));
        GraphMirror mirror = new GraphMirror();
        mirror.show(model, layout, null);
        int bent = 0;
        int k = 0;
        for (Layout.Route r : layout.routes()) {
            Edge e = mirror.graph().getEdge(r.edge().from() + "->" + r.edge().to() + "#" + k++);
            assertNotNull(e);
            Point3[] points = (Point3[]) e.getAttribute("ui.points");
            if (r.points().length > 4) {
                bent++;
                assertEquals(r.points().length / 2, points.length, "bends plus the two node centres");
                assertEquals(layout.box(r.edge().to()).centerX(), points[points.length - 1].x, 1e-9);
            } else {
                assertNull(points);
            }
        }
        assertTrue(bent > 0, "the tiny MLP's wrapped layout routes some edges around nodes");
    }

    @Test
    void aGradientFlowingBackIsDrawnFromConsumerToProducerAndForwardAgainAfter() {
        GraphModel backward = seedGraph(true, "e");
        assertTrue(backward.flowBackward());
        Layout layout = LayeredLayout.layout(backward);
        GraphMirror mirror = new GraphMirror();
        mirror.show(backward, layout, null);
        int reversedEdges = 0;
        for (int k = 0; k < layout.routes().size(); k++) {
            GraphModel.Edge e = layout.routes().get(k).edge();
            Edge drawn = mirror.graph().getEdge(e.from() + "->" + e.to() + "#" + k);
            boolean flow = backward.flow().contains(e);
            assertEquals(flow, mirror.drawnBackward(k), e.toString());
            // GraphStream puts the arrowhead at the edge's target: for the gradient, the producer
            assertEquals(flow ? e.from() : e.to(), drawn.getTargetNode().getId(), e.toString());
            if (flow) {
                reversedEdges++;
                assertEquals(GraphStyle.FLOW, drawn.getAttribute("ui.class"), "re-added with its class");
            }
        }
        assertEquals(2, reversedEdges, "e's gradient goes back along two edges");

        // the same structure stepping forward: every edge points from producer to consumer again
        GraphModel forward = seedGraph(false, "e");
        assertFalse(forward.flowBackward());
        mirror.show(forward, layout, null);
        for (int k = 0; k < layout.routes().size(); k++) {
            GraphModel.Edge e = layout.routes().get(k).edge();
            assertFalse(mirror.drawnBackward(k));
            assertEquals(e.to(), mirror.graph().getEdge(e.from() + "->" + e.to() + "#" + k).getTargetNode().getId());
        }
        assertEquals(layout.routes().size(), mirror.graph().getEdgeCount());
    }
}
