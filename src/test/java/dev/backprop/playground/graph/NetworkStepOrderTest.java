package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stepper's backward order is a reverse topological order of the network graph it is shown on. */
class NetworkStepOrderTest {
    @Test
    void everyConsumerBeforeItsInputs() {
        TrainingConfig d = TrainingConfig.defaults();
        Trainer t = Trainer.fromConfig(d.withNetwork(d.network().withHidden(8, 8)));
        NetworkStepper s = new NetworkStepper(t);
        s.finishPass();
        List<String> order = new ArrayList<>();
        for (NetworkStepper.Step step : s.finishPass()) {
            order.add(step.nodeId());
        }
        GraphModel g = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
        assertEquals(g.size() - 1, order.size(), "every node but the labels y gets a gradient");
        for (String id : order) {
            for (String consumer : g.consumersOf(id)) {
                assertTrue(order.indexOf(consumer) < order.indexOf(id), consumer + " before " + id + " in " + order);
            }
        }
    }

    @Test
    void pendingValuesKeepTheirShape() {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults());
        t.previewForward();
        NetworkStepper s = new NetworkStepper(t);
        GraphModel g = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(),
                new NetworkGraphBuilder.Reveal(s.pendingData(), s.knownGrads(), null, ""));
        GraphNode h1 = g.node("act1");
        assertTrue(h1.data().isPending());
        assertEquals(50, h1.data().cols());
        assertEquals("data 1\u00d750 \u2013", h1.compartments()[1]);
        assertEquals(null, h1.grad());
    }

    @Test
    void onTheVeryFirstStepAGradientShowsAsSoonAsBackpropReachesIt() {
        // a fresh network: no backward pass has ever run, the later layers get their grads first
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults());
        t.previewForward();
        NetworkStepper s = new NetworkStepper(t);
        NetworkStepper.Step step = s.next();
        while (!(step.phase() == NetworkStepper.Phase.BACKWARD && step.nodeId().equals("act1"))) {
            step = s.next();
        }
        // dL/dh1 = dL/dz2 · W2ᵀ: known at its own step, though h1's own backward has not run yet
        GraphModel atH1 = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), s.loss(),
                new NetworkGraphBuilder.Reveal(s.pendingData(), s.knownGrads(), step.node(), step.text()));
        assertTrue(atH1.node("act1").grad() != null, "dL/dh1 shows at its step");
        GraphModel neuronsAtH1 = NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), s.loss(),
                new NetworkGraphBuilder.Reveal(s.pendingData(), s.knownGrads(), step.node(), step.text()), java.util.Map.of());
        assertTrue(neuronsAtH1.node("h1.1").grad() != null, "and on every unit of h1 in the neuron view");
        while (!(step.phase() == NetworkStepper.Phase.BACKWARD && step.nodeId().equals("add1"))) {
            step = s.next();
        }
        GraphModel g = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), s.loss(),
                new NetworkGraphBuilder.Reveal(s.pendingData(), s.knownGrads(), step.node(), step.text()));
        GraphNode z1 = g.node("add1");
        assertTrue(z1.grad() != null && !z1.grad().isPending(), "dL/dz1 was just computed: " + z1.grad());
        assertEquals(null, g.node("W1").grad(), "W1's grad comes in a later step");
        // the gradient came back to z1 from its consumer h1
        assertEquals(java.util.Set.of(new GraphModel.Edge("add1", "act1")), g.flow());
    }
}
