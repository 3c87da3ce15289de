package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
