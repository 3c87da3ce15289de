package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.NeuronGrid;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The neuron view: one node per unit, one edge per weight, pictures that are the network's own values. */
class NeuronViewTest {
    private static Trainer trained(int... hidden) {
        TrainingConfig d = TrainingConfig.defaults();
        var spec = d.network();
        Trainer t = Trainer.fromConfig(d.withNetwork(new dev.backprop.playground.engine.nn.NetworkSpec(spec.inputSize(), hidden,
                Activation.TANH, spec.loss(), spec.init())));
        for (int i = 0; i < 300; i++) {
            t.step();
        }
        return t;
    }

    private static GraphModel neurons(Trainer t, Map<String, Thumbnail> pictures) {
        return NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(), null, pictures);
    }

    @Test
    void a2431NetworkHasTenNeuronsAndTwentyThreeWeightsWhoseWidthsFollowTheirSize() {
        Trainer t = trained(4, 3);
        GraphModel g = neurons(t, Map.of());
        long units = g.nodes().stream().filter(n -> n.neuron() != null).count();
        assertEquals(2 + 4 + 3 + 1, units);
        List<GraphModel.Edge> weighted = g.edges().stream().filter(e -> g.weight(e) != null).toList();
        assertEquals(2 * 4 + 4 * 3 + 3 * 1, weighted.size());
        // W2[3,2]: from h1.3 to h2.2, W stored as in rows of out
        Linear second = (Linear) t.network().layers().get(2);
        double w = second.weight().value().get(2, 1);
        EdgeWeight ew = g.weight(new GraphModel.Edge("h1.3", "h2.2"));
        assertEquals("W2[3,2]", ew.name());
        assertEquals(w, ew.weight());
        assertEquals(second.weight().grad().get(2, 1), ew.grad());
        for (GraphModel.Edge e : weighted) {
            double a = Math.abs(g.weight(e).weight());
            assertEquals(1 + 9 * Math.min(5, a) / 5, g.weight(e).width(), 1e-12, e.toString());
        }
        // a wider weight is drawn wider
        EdgeWeight widest = weighted.stream().map(g::weight).max((p, q) -> Double.compare(Math.abs(p.weight()), Math.abs(q.weight()))).orElseThrow();
        EdgeWeight narrowest = weighted.stream().map(g::weight).min((p, q) -> Double.compare(Math.abs(p.weight()), Math.abs(q.weight()))).orElseThrow();
        assertTrue(widest.width() > narrowest.width());
    }

    @Test
    void aNeuronShowsItsZActivationGradientAndBias() {
        Trainer t = trained(4);
        GraphModel g = neurons(t, Map.of());
        GraphNode h = g.node("h1.2");
        Linear first = (Linear) t.network().layers().get(0);
        double z = first.lastOutput().get(0, 1);
        assertEquals(z, h.neuron().z(), 1e-15);
        assertEquals(Math.tanh(z), h.data().first(), 1e-15);
        assertEquals(first.bias().value().get(0, 1), h.neuron().bias());
        assertNotNull(h.grad(), "dL/da after a training step");
        assertTrue(h.formula().contains("a = tanh(z)"), h.formula());
    }

    @Test
    void aHiddenSizeFromFourToSixAddsTwoNodes() {
        GraphModel four = neurons(trained(4), Map.of());
        GraphModel six = neurons(trained(6), Map.of());
        assertEquals(four.size() + 2, six.size());
        assertTrue(six.contains("h1.6") && !four.contains("h1.5"));
    }

    @Test
    void aLayerWiderThanEightShowsEightAndOneNodeForTheRest() {
        GraphModel g = neurons(trained(50), Map.of());
        assertTrue(g.contains("h1.8") && !g.contains("h1.9"));
        assertEquals("+42 more", g.node("h1.more").label());
        assertFalse(NeuronGraphBuilder.fits(trained(50).network()));
        assertTrue(NeuronGraphBuilder.fits(trained(8, 8).network()));
    }

    @Test
    void thePicturesAreTheNetworksOwnValuesOverThePlane() {
        Trainer t = trained(4, 3);
        double[] bounds = DecisionGridEvaluator.equalAspectBounds(t.data().all(), 1);
        Map<String, Thumbnail> pictures = new NeuronThumbnails(bounds).compute(t.network());
        // the output unit's picture is the decision grid at the same resolution
        DecisionGrid grid = new DecisionGridEvaluator(NeuronGrid.DEFAULT_SIZE, NeuronGrid.DEFAULT_SIZE, bounds)
                .evaluate(t.network());
        Thumbnail out = pictures.get("out");
        assertTrue(out.probability());
        for (int r = 0; r < out.size(); r++) {
            for (int c = 0; c < out.size(); c++) {
                assertEquals(grid.probability(c, r), out.value(r, c), 1e-12);
            }
        }
        // a hidden unit's picture: tanh(x1 W[0,j] + x2 W[1,j] + b[j]) at each cell's centre
        Linear first = (Linear) t.network().layers().get(0);
        Thumbnail h = pictures.get("h1.3");
        double x1 = grid.x1At(5) ;
        double x2 = new DecisionGridEvaluator(32, 32, bounds).evaluate(t.network()).x2At(7);
        double expected = Math.tanh(x1 * first.weight().value().get(0, 2) + x2 * first.weight().value().get(1, 2)
                + first.bias().value().get(0, 2));
        assertEquals(expected, h.value(7, 5), 1e-12);
        // and the graph carries them
        assertEquals(h, neurons(t, pictures).node("h1.3").neuron().thumbnail());
    }

    @Test
    void aUnitsCardKeepsItsSizeWhateverItsBiasAndAHiddenUnitStaysOneWhenItsNumbersAreNaN() {
        GraphNode small = new GraphNode("out.1", "out.1", NodeKind.VALUE, "softmax", Tensor.scalar(0.3), null, "", false,
                new Neuron(false, true, 0.1, -0.001234, null));
        GraphNode round = new GraphNode("out.1", "out.1", NodeKind.VALUE, "softmax", Tensor.scalar(0.3), null, "", false,
                new Neuron(false, true, 0.1, 0.5, null));
        GraphNode diverged = new GraphNode("out.1", "out.1", NodeKind.VALUE, "softmax", Tensor.scalar(Double.NaN), null, "",
                false, new Neuron(false, true, Double.NaN, Double.NaN, null));
        assertEquals(NodeCard.of(round).width(), NodeCard.of(small).width());
        assertEquals(NodeCard.of(round).width(), NodeCard.of(diverged).width());
        assertEquals(NodeCard.of(round).height(), NodeCard.of(diverged).height(), "a NaN bias does not make it an input");
        assertEquals("z NaN", NodeCard.of(diverged).rows().get(1).text());
    }

    @Test
    void backpropLightsTheWeightsTheGradientTravelsAlong() {
        Trainer t = trained(4, 3);
        t.previewForward();
        dev.backprop.playground.engine.nn.NetworkStepper s = new dev.backprop.playground.engine.nn.NetworkStepper(t);
        java.util.Map<String, java.util.Set<GraphModel.Edge>> lit = new java.util.HashMap<>();
        while (s.hasNext()) {
            dev.backprop.playground.engine.nn.NetworkStepper.Step step = s.next();
            GraphModel g = NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), s.loss(),
                    new NetworkGraphBuilder.Reveal(s.pendingData(), s.knownGrads(), step.node(), step.text()), Map.of());
            lit.put(step.phase() + " " + step.nodeId(), g.flow());
        }
        // forward at layer 2: the weights into h2; backward at h2 (dL/dh2 = dL/dz3 · W3ᵀ): the weights out of h2
        assertTrue(lit.get("FORWARD matmul2").contains(new GraphModel.Edge("h1.1", "h2.1")));
        assertTrue(lit.get("BACKWARD act2").contains(new GraphModel.Edge("h2.1", "out")));
        assertFalse(lit.get("BACKWARD act2").contains(new GraphModel.Edge("h1.1", "h2.1")));
        assertTrue(lit.get("BACKWARD W2").contains(new GraphModel.Edge("h1.1", "h2.1")));
        assertTrue(lit.get("BACKWARD b2").isEmpty(), "db lights the units only");
        assertTrue(lit.get("BACKWARD act3").contains(new GraphModel.Edge("out", "loss")));
    }

    @Test
    void anExpandedLayerShowsUpToThirtyTwoUnitsWithTheirPicturesAndWeights() {
        Trainer t = trained(50);
        var pictures = new NeuronThumbnails(DecisionGridEvaluator.equalAspectBounds(t.data().all(), 1));
        java.util.Set<Integer> open = java.util.Set.of(1);
        GraphModel g = NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(),
                null, pictures.compute(t.network(), open), -1, open);
        assertTrue(g.contains("h1.32") && !g.contains("h1.33"));
        assertEquals("+18 more", g.node("h1.more").label());
        assertNotNull(g.node("h1.32").neuron().thumbnail(), "the units shown get their pictures");
        // every shown unit feeds the output: 32 weights of W2, each the network's
        assertEquals(32, g.edges().stream().filter(e -> g.weight(e) != null && e.to().equals("out")).count());
        Linear second = (Linear) t.network().layers().get(2);
        assertEquals(second.weight().value().get(31, 0), g.weight(new GraphModel.Edge("h1.32", "out")).weight());
    }
}
