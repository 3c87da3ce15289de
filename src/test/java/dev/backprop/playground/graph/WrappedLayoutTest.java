package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The default network's graph wrapped into a wide pane: whole at 11 px in a 1280x800 window's graph pane. */
class WrappedLayoutTest {
    /** Pixels per graph unit at which card text is 11 px. */
    private static final double READABLE = 11.0 / NodeCard.FONT_SIZE;

    private static GraphModel defaultGraph() {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults());
        t.step();
        return NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
    }

    @Test
    void theDefaultGraphFitsA1280WindowsPaneAt11Px() {
        GraphModel g = defaultGraph();
        // the graph view of a 1280x800 window (about 858x386 px) less GraphStream's padding
        double paneW = 842;
        double paneH = 370;
        Layout l = LayeredLayout.layout(g, LayeredLayout.Shape.forPane(paneW, paneH));
        assertTrue(l.width() * READABLE <= paneW && l.height() * READABLE <= paneH,
                "layout " + l.width() + "x" + l.height() + " units needs " + l.width() * READABLE + "x"
                        + l.height() * READABLE + " px");
        // four layers over four: x to h1 in the first row, the product with W2 to the loss in the second
        double firstRowBottom = 0;
        for (String id : new String[] {"x", "W1", "b1", "matmul1", "add1", "act1", "W2"}) {
            firstRowBottom = Math.max(firstRowBottom, l.box(id).y() + l.box(id).h());
        }
        for (String id : new String[] {"matmul2", "b2", "add2", "act2", "y", "loss"}) {
            assertTrue(l.box(id).y() >= firstRowBottom, id + " in the second row");
        }
        for (Layout.Box a : l.boxes().values()) {
            for (Layout.Box b : l.boxes().values()) {
                assertTrue(a == b || !a.overlaps(b), a + " overlaps " + b);
            }
        }
    }

    @Test
    void theWrappedLayoutIsDeterministicAndNoSmallerThanElksOwnChoice() {
        GraphModel g = defaultGraph();
        LayeredLayout.Shape shape = LayeredLayout.Shape.forPane(842, 370);
        Layout a = LayeredLayout.layout(g, shape);
        assertEquals(a.boxes(), LayeredLayout.layout(g, shape).boxes());
        // ELK's own cut (three layers over five, 1108x451 units with the old cards) is one of the tries
        assertTrue(LayeredLayout.drawnScale(a, shape) >= LayeredLayout.drawnScale(LayeredLayout.layout(g), shape),
                "never worse than one long band");
    }

    @Test
    void randomSmallGraphsWrapWithoutOverlapInWideAndTallPanes() {
        java.util.Random r = new java.util.Random(11);
        for (int trial = 0; trial < 8; trial++) {
            int size = 5 + r.nextInt(LayeredLayout.TRY_CUTS_UP_TO - 5);
            java.util.List<GraphNode> nodes = new java.util.ArrayList<>();
            java.util.List<GraphModel.Edge> edges = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                boolean tensor = r.nextInt(3) == 0;
                nodes.add(new GraphNode("n" + i, "n" + i, NodeKind.VALUE, "+",
                        tensor ? Tensor.of(1, 8, new double[8]) : Tensor.scalar(r.nextGaussian()), null, "", false));
                for (int k = 0; i > 0 && k < 1 + r.nextInt(2); k++) {
                    GraphModel.Edge e = new GraphModel.Edge("n" + Math.max(0, i - 1 - r.nextInt(Math.min(i, 6))), "n" + i);
                    if (!edges.contains(e)) {
                        edges.add(e);
                    }
                }
            }
            GraphModel g = new GraphModel("random " + trial, nodes, edges);
            for (LayeredLayout.Shape shape : new LayeredLayout.Shape[] {LayeredLayout.Shape.forPane(842, 370),
                    LayeredLayout.Shape.forPane(400, 900)}) {
                Layout l = LayeredLayout.layout(g, shape);
                assertTrue(l.fits(g), "trial " + trial);
                for (Layout.Box a : l.boxes().values()) {
                    for (Layout.Box b : l.boxes().values()) {
                        assertTrue(a == b || !a.overlaps(b), "trial " + trial + ": " + a + " overlaps " + b);
                    }
                }
            }
        }
    }
}
