package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.render.PixelShade;
import dev.backprop.playground.engine.nn.NodeId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cards of an image network: x as its picture, wide weights legible, softmax classes named, stepping keeps sizes. */
class ImageCardsTest {

    @Test
    void xIsDrawnAsItsPicturePixelForPixelWithItsGradientInTheSameShape() throws Exception {
        Trainer t = ImageNetworks.digitsAfterOneStep();
        GraphModel g = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
        GraphNode x = g.node("x");
        assertTrue(NodeCard.isImage(x));
        NodeCard card = NodeCard.of(x);
        NodeCard.Row pixels = card.rows().get(2);
        NodeCard.Row gradient = card.rows().get(4);
        assertEquals(PictureStyle.PIXELS, pixels.style());
        assertEquals(PictureStyle.IMAGE_GRADIENT, gradient.style());
        assertEquals(NodeCard.IMAGE_SIDE, pixels.pictureW(), 1e-9, "7 units a pixel for 8x8");
        PictureCells cells = PictureCells.of(pixels.picture(), pixels.style());
        assertEquals(8, cells.rows());
        assertEquals(8, cells.cols());
        // batch 1: the card's pixels are the example's, row by row
        double[] example = t.lastBatchFeatures().data;
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertEquals(PixelShade.rgb(example[r * 8 + c]), cells.rgb(r, c), "pixel " + r + "," + c);
            }
        }
        PictureCells grad = PictureCells.of(gradient.picture(), gradient.style());
        assertEquals(64, grad.rows() * grad.cols());
    }

    @Test
    void theSoftmaxOutputNamesEveryClassWithItsProbabilityAndMarksTheLikeliest() throws Exception {
        Trainer t = ImageNetworks.digitsAfterOneStep();
        List<String> names = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        GraphModel g = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(),
                null, names);
        GraphNode out = g.node("act2");
        assertEquals("softmax", out.op());
        NodeCard card = NodeCard.of(out);
        double[] p = out.data().values();
        int top = 0;
        for (int k = 1; k < p.length; k++) {
            top = p[k] > p[top] ? k : top;
        }
        for (int k = 0; k < 10; k++) {
            NodeCard.Row row = card.rows().get(1 + k);
            String text = row.text().strip();
            assertTrue(text.startsWith((k == top ? "\u25b8 " : "") + names.get(k) + " "), text);
            assertTrue(text.endsWith(NumberFormat.fixed4(p[k])), text);
            assertEquals(p[k], row.tint(), "tinted by its probability");
        }
        assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-9);
        // without names: the class indices
        GraphNode plain = ImageNetworks.digitsGraph().node("act2");
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), plain.classes());
    }

    @Test
    void wideWeightsGetCellsOfAtLeastTwoByThreeUnits() {
        Tensor w1 = Tensor.pending(784, 100);
        NodeCard card = NodeCard.of(new GraphNode("W1", "W1", NodeKind.PARAMETER, "", w1, null, "", false));
        NodeCard.Row strip = card.rows().get(2);
        assertTrue(strip.pictureW() / PictureCells.HEATMAP_COLS >= 2, "cell width " + strip.pictureW() / 64);
        assertTrue(strip.pictureHeight() / PictureCells.HEATMAP_ROWS >= 3, "cell height " + strip.pictureHeight() / 16);
    }

    @Test
    void steppingThroughKeepsEveryCardsSizeSoTheLayoutHolds() throws Exception {
        GraphModel full = ImageNetworks.digitsGraph();
        Layout layout = LayeredLayout.layout(full, LayeredLayout.Shape.forPane(1200, 380));
        Set<NodeId> all = new HashSet<>();
        full.nodes().forEach(n -> all.add(n.node()));
        Trainer t = ImageNetworks.digitsAfterOneStep();
        // the start of a step-through: every value pending, no gradient
        GraphModel start = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(),
                new NetworkGraphBuilder.Reveal(all, Set.of(), NodeId.input(), "x"));
        assertTrue(layout.fits(start), "a pending image and pending classes keep their cards' sizes");
        assertTrue(NodeCard.isImage(start.node("x")));
        assertTrue(NodeCard.of(start.node("act2")).rows().get(1).text().contains("\u2013"));
    }

    /**
     * The neuron view of a 64-16-10 digits network: x is one image card (the example's pixels, not 64
     * cards) with an edge to each shown unit; each unit of layer 1 shows its 64 incoming weights as an
     * 8x8 picture on the layer's one scale; the ten softmax units are all drawn, named by their classes.
     */
    @Test
    void theNeuronViewTakesTheImageWholeAndDrawsEachUnitsWeightsAsItsPicture() throws Exception {
        Trainer t = ImageNetworks.digitsAfterOneStep();
        List<String> names = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        GraphModel g = NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(), null,
                java.util.Map.of(), -1, Set.of(), names);
        List<GraphNode> inputs = g.nodes().stream().filter(n -> n.kind() == NodeKind.INPUT && !n.id().equals("y")).toList();
        assertEquals(List.of("x"), inputs.stream().map(GraphNode::id).toList(), "one input card");
        GraphNode x = inputs.get(0);
        assertTrue(NodeCard.isImage(x));
        assertEquals(8, x.data().rows());
        assertEquals(8, x.data().cols());
        double[] example = t.lastBatchFeatures().data;
        for (int i = 0; i < 64; i++) {
            assertEquals(example[i], x.data().values()[i], 1e-12, "pixel " + i);
        }
        dev.backprop.playground.engine.nn.Linear first = (dev.backprop.playground.engine.nn.Linear) t.network().layers().get(0);
        double[] w = first.weight().value().data; // 64 inputs x 16 units, row-major
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        for (int j = 0; j < NeuronGraphBuilder.MAX_SHOWN; j++) {
            String id = "h1." + (j + 1);
            assertTrue(g.edges().contains(new GraphModel.Edge("x", id)), "x feeds " + id);
            Thumbnail picture = g.node(id).neuron().thumbnail();
            assertEquals(8, picture.size());
            assertEquals(max, picture.scale(), 0.0, "one scale: the layer's largest |w|");
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    assertEquals(w[(r * 8 + c) * 16 + j], picture.value(r, c), 0.0, id + " pixel " + r + "," + c);
                }
            }
            assertTrue(g.node(id).formula().contains("W1[:," + (j + 1) + "]\u00b7x"), g.node(id).formula());
        }
        // the largest weight anywhere in the layer is the palette's end, in whichever picture it is
        int[] argb = g.node("h1.1").neuron().thumbnail().argb();
        double w0 = w[0];
        assertEquals(0xFF000000 | dev.backprop.playground.render.Diverging.rgb(w0 / max), argb[0]);
        for (int k = 0; k < 10; k++) {
            assertEquals(names.get(k), g.node("out." + (k + 1)).label());
        }
        assertTrue(g.nodes().stream().noneMatch(n -> n.id().equals("out.more")), "all ten outputs drawn");
        // with no names given, the classes by index
        GraphModel plain = NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(),
                null, java.util.Map.of());
        assertEquals("class 3", plain.node("out.4").label());
    }

    /**
     * Off the plane a card keeps no empty box for a picture: the digits' ten softmax outputs have none (a
     * probability over the plane means nothing here), so their text starts at the card's left edge and the
     * card is only as wide as its text; layer 1's units keep their weight pictures in their boxes. On the
     * plane every unit keeps its box, before its picture is computed and with it.
     */
    @Test
    void offThePlaneAnOutputCardHasNoEmptyPictureBoxAndOnThePlaneTheMapsStay() throws Exception {
        Trainer t = ImageNetworks.digitsAfterOneStep();
        GraphModel g = NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(), null,
                java.util.Map.of());
        for (int k = 1; k <= 10; k++) {
            GraphNode out = g.node("out." + k);
            NodeCard card = NodeCard.of(out);
            assertFalse(out.neuron().pictured(), out.id());
            assertNull(card.thumbnail(), out.id());
            for (NodeCard.Row row : card.rows()) {
                assertEquals(0, row.left(), out.id() + ": " + row.text() + " starts at the card's left edge");
            }
            // the text's room only: "class 9  b -1.23e-05", or "dL/da -1.2346e-07"
            double text = Math.max(NodeCard.NEURON_CHARS, out.label().length() + NodeCard.BIAS_CHARS) * NodeCard.CHAR_WIDTH
                    + 2 * NodeCard.PADDING;
            assertEquals(text, card.width(), 1e-9, out.id());
        }
        NodeCard unit = NodeCard.of(g.node("h1.1"));
        assertNotNull(unit.thumbnail(), "layer 1 draws its weights");
        assertEquals(unit.height(), unit.rows().get(0).left(), 1e-9, "beside the picture's square");
        assertEquals(unit.height() - NodeCard.PADDING, unit.thumbnailBox()[2], 1e-9);

        // on the plane (2-4-1): the output's box is there before its map is computed, and holds it after
        Trainer plane = Trainer.fromConfig(dev.backprop.playground.engine.nn.TrainingConfig.defaults()
                .withNetwork(dev.backprop.playground.engine.nn.TrainingConfig.defaults().network().withHidden(4)));
        plane.step();
        GraphModel before = NeuronGraphBuilder.build(plane.network(), plane.lastBatchFeatures(), plane.lastBatchLabels(),
                plane.lastLoss(), null, java.util.Map.of());
        var maps = new NeuronThumbnails(dev.backprop.playground.engine.nn.DecisionGridEvaluator.equalAspectBounds(
                plane.data().all(), 1)).compute(plane.network(), Set.of());
        GraphModel after = NeuronGraphBuilder.build(plane.network(), plane.lastBatchFeatures(), plane.lastBatchLabels(),
                plane.lastLoss(), null, maps);
        for (String id : List.of("x1", "h1.1", "out")) {
            NodeCard waiting = NodeCard.of(before.node(id));
            NodeCard drawn = NodeCard.of(after.node(id));
            assertTrue(before.node(id).neuron().pictured(), id);
            assertEquals(waiting.height(), waiting.rows().get(0).left(), 1e-9, id + " keeps the box for its map");
            assertEquals(waiting.width(), drawn.width(), 1e-9, id + " keeps its size when its map comes");
            assertNotNull(drawn.thumbnail(), id + " draws its map");
            assertEquals(maps.get(id), drawn.thumbnail());
        }
    }
}
