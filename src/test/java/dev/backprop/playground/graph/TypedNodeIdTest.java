package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.NodeId;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Network graph nodes and stepper steps carry what they stand for, so no reader parses their text ids. */
class TypedNodeIdTest {

    private static Trainer trainer(int... hidden) {
        TrainingConfig d = TrainingConfig.defaults();
        return Trainer.fromConfig(d.withNetwork(d.network().withHidden(hidden)).withBatchSize(1)
                .withOptimizer(OptimizerKind.SGD));
    }

    @Test
    void textKeysAreTheIdsGraphsAlwaysHad() {
        assertEquals("W2", NodeId.weight(2).text());
        assertEquals("b1", NodeId.bias(1).text());
        assertEquals("matmul3", NodeId.matmul(3).text());
        assertEquals("add1", NodeId.add(1).text());
        assertEquals("act2", NodeId.activation(2).text());
        assertEquals("h2.4", NodeId.unit(2, 3, 8, false).text());
        assertEquals("out", NodeId.unit(3, 0, 1, true).text());
        assertEquals("out.3", NodeId.unit(3, 2, 10, true).text());
        assertEquals("h1.more", NodeId.more(1, false).text());
        assertEquals("features", NodeId.firstLayerInput(false).text());
        assertEquals("x", NodeId.firstLayerInput(true).text());
        assertThrows(IllegalArgumentException.class, () -> new NodeId(NodeId.Role.ADD, -1, -1));
    }

    @Test
    void stepsNameTheirLayerAndRole() {
        NetworkStepper s = new NetworkStepper(trainer(4, 3));
        List<NetworkStepper.Step> backward;
        s.finishPass();
        backward = s.finishPass();
        // loss, act3, add3, b3, matmul3, W3, act2, add2 ...: the 8th backward step is z2's gradient
        NetworkStepper.Step z2 = backward.get(7);
        assertEquals(new NodeId(NodeId.Role.ADD, 2, -1), z2.node());
        assertEquals("add2", z2.nodeId());
        assertEquals(2, z2.node().layer());
        assertEquals(NodeId.Role.WEIGHT, backward.get(5).node().role());
        assertEquals(3, backward.get(5).node().layer());
        assertEquals(NodeId.Role.INPUT, backward.get(backward.size() - 1).node().role());
    }

    @Test
    void tensorGraphNodesAreTyped() {
        Trainer t = trainer(5);
        t.step();
        GraphModel g = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
        for (GraphNode n : g.nodes()) {
            assertEquals(n.id(), n.node().text(), n.id());
        }
        assertEquals(NodeId.weight(2), g.node("W2").node());
        assertEquals(NodeId.activation(1), g.node("act1").node());
        assertEquals(NodeId.loss(), g.node("loss").node());
    }

    @Test
    void theMoreNodeNamesTheLayerItExpands() {
        Trainer t = trainer(50, 3);
        t.step();
        GraphModel g = NeuronGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss(),
                null, Map.of());
        GraphNode more = g.node("h1.more");
        assertEquals(NodeId.Role.MORE_UNITS, more.node().role());
        assertEquals(1, more.node().layer());
        assertEquals(new NodeId(NodeId.Role.UNIT, 2, 2), g.node("h2.3").node());
        assertEquals(NodeId.Role.OUTPUT_UNIT, g.node("out").node().role());
        // the inputs are named by their features (x1, x2 ...), not by a role
        assertNull(g.node("x1").node());
    }

    @Test
    void aTypedNodeMustKeepItsKey() {
        assertThrows(IllegalArgumentException.class, () -> new GraphNode("W1", "W1", NodeKind.PARAMETER, "",
                Tensor.scalar(0), null, "", false, null, NodeId.weight(2)));
    }
}
