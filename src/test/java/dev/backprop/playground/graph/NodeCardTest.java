package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cards, heatmap pictures and flow edges: what the screen, the PNG and the SVG all draw. */
class NodeCardTest {
    private static GraphNode scalar(String label, double data, Double grad) {
        return new GraphNode(label, label, NodeKind.VALUE, "", Tensor.scalar(data), grad == null ? null : Tensor.scalar(grad), "", false);
    }

    @Test
    void aCardKeepsItsSizeWhileItsNumbersChange() {
        NodeCard before = NodeCard.of(scalar("a", 2, null));
        NodeCard after = NodeCard.of(scalar("a", -1.2345678e-7, -123456.789));
        assertEquals(before.width(), after.width());
        assertEquals(before.height(), after.height());
        assertEquals(List.of("a", "data 2.0000", "grad \u2013"), before.rows().stream().map(NodeCard.Row::text).toList());
        // the longest number fits: its characters times the advance, plus padding
        assertTrue(after.width() >= "grad -1.2346e+05".length() * NodeCard.CHAR_WIDTH + 2 * NodeCard.PADDING);
        assertEquals(2.0, before.rows().get(1).tint(), "data tinted by its value");
        assertTrue(Double.isNaN(before.rows().get(2).tint()), "no grad, no tint");
    }

    @Test
    void aTensorCardShowsNormsOverHeatmapStripsAndAPendingValueAsADash() {
        Tensor w = Tensor.of(2, 3, new double[] {3, 0, 0, 0, 4, 0});
        GraphNode n = new GraphNode("W1", "W1", NodeKind.PARAMETER, "", w, null, "", false);
        NodeCard card = NodeCard.of(n);
        assertEquals(List.of("W1  2\u00d73", "data \u20165\u2016", "", "grad \u2013", ""),
                card.rows().stream().map(NodeCard.Row::text).toList(), "the norm of (3, 4) is 5");
        assertEquals(w, card.rows().get(2).picture(), "the data's strip under its norm");
        assertTrue(card.rows().get(2).isStrip());
        assertTrue(card.rows().get(4).picture().isPending(), "a grey strip until backprop reaches it");
        NodeCard.Row strip = card.rows().get(2);
        assertEquals(NodeCard.PADDING, strip.pictureX(), 1e-9);
        assertEquals(card.width() - NodeCard.PADDING, strip.pictureX() + strip.pictureW(), 1e-9,
                "the strip spans the card, a padding from each side");
        // as wide as its longest line, the norm's at most: grad ‖1.23e-05‖
        assertEquals("grad \u20161.23e-05\u2016".length() * NodeCard.CHAR_WIDTH + 2 * NodeCard.PADDING, card.width(), 1e-9);
        assertEquals(card.rows().get(4).y() + card.rows().get(4).h(), card.height(), 1e-9);
    }

    @Test
    void aProductsHeadingLeavesOutTheOpItsLabelShows() {
        Tensor z = Tensor.of(1, 50, new double[50]);
        NodeCard mm = NodeCard.of(new GraphNode("matmul1", "x\u00b7W1", NodeKind.OP, "matmul", z, null, "", false));
        NodeCard add = NodeCard.of(new GraphNode("add1", "z1", NodeKind.OP, "+", z, null, "", false));
        assertEquals("x\u00b7W1  1\u00d750", mm.rows().get(0).text());
        assertEquals("z1 (+)  1\u00d750", add.rows().get(0).text());
    }

    @Test
    void anOpWithoutAValueIsAPillWideEnoughForItsSymbol() {
        NodeCard card = NodeCard.of(new GraphNode("t", "", NodeKind.OP, "sigmoid", null, null, "", false));
        assertTrue(card.pill());
        assertTrue(card.width() >= 7 * NodeCard.CHAR_WIDTH, "sigmoid fits at the full font size");
    }

    @Test
    void aPictureScalesToTheLargestValueAndLaysAColumnDown() {
        TensorPicture p = TensorPicture.of(Tensor.of(3, 1, new double[] {-2, 1, 0.5}), 16, 64);
        assertEquals(1, p.rows());
        assertEquals(3, p.cols());
        assertEquals(-1.0, p.cell(0, 0));
        assertEquals(0.5, p.cell(0, 1));
        assertEquals(2.0, p.maxAbs());
        // wider than the picture allows: averaged in blocks
        double[] v = new double[128];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 64 ? 1 : 3;
        }
        TensorPicture wide = TensorPicture.of(Tensor.of(1, 128, v), 16, 2);
        assertEquals(2, wide.cols());
        assertEquals(1.0 / 3, wide.cell(0, 0), 1e-12);
        assertEquals(1.0, wide.cell(0, 1), 1e-12);
    }

    @Test
    void theGradientOfAValueFlowsBackThroughItsConsumersOp() {
        // a -> (*) -> e: stepping e's consumer order backward highlights a -> * and * -> e
        List<GraphNode> nodes = List.of(scalar("a", 1, 1.0), scalar("b", 2, 1.0), scalar("e", 2, 1.0),
                new GraphNode("m", "", NodeKind.OP, "*", null, null, "", false));
        List<GraphModel.Edge> edges = List.of(new GraphModel.Edge("a", "m"), new GraphModel.Edge("b", "m"),
                new GraphModel.Edge("m", "e"));
        assertEquals(Set.of(edges.get(0), edges.get(2)), GraphModel.flowAt(nodes, edges, "a", true));
        assertEquals(Set.copyOf(edges), GraphModel.flowAt(nodes, edges, "e", false), "forward: the inputs through the op");
    }

    @Test
    void aWidePaneLaysOutLeftToRightATallOneTopDown() {
        assertEquals(new LayeredLayout.Shape(false, 2.0), LayeredLayout.Shape.forPane(800, 400));
        assertEquals(new LayeredLayout.Shape(true, 0.5), LayeredLayout.Shape.forPane(400, 800));
        assertEquals(LayeredLayout.Shape.LEFT_TO_RIGHT, LayeredLayout.Shape.forPane(0, 0));
    }
}
