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
}
