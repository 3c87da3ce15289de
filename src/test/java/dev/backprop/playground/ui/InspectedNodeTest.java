package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.NodeKind;
import dev.backprop.playground.graph.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 26: the inspector shows the current state's node, never one left from an older graph. */
class InspectedNodeTest {
    private static GraphModel graph(Tensor grad, String formula, boolean stepped) {
        return new GraphModel("t", List.of(
                new GraphNode("x", "x", NodeKind.INPUT, "", Tensor.scalar(1), null, "", false),
                new GraphNode("act1", "h1", NodeKind.OP, "relu", Tensor.scalar(2), grad, formula, stepped)),
                List.of(new GraphModel.Edge("x", "act1")));
    }

    @Test
    void aStepThroughEndedByPlayLeavesTheSameNodeWithItsNewValues() {
        InspectedNode inspected = new InspectedNode();
        GraphModel stepping = graph(null, "h1 = relu(z1)", true); // Right x3: h1 is the step, its grad not computed
        assertSame(stepping.node("act1"), inspected.of(stepping, null));
        GraphModel playing = graph(Tensor.scalar(-0.25), "h1 = relu(z1)", false); // Space: no step any more
        GraphNode shown = inspected.of(playing, null);
        assertSame(playing.node("act1"), shown, "the same node, from the new graph");
        assertEquals(-0.25, shown.grad().first(), "its grad, not 'not computed yet'");
        GraphModel rebuilt = graph(Tensor.scalar(0.5), "h1 = tanh(z1)", false);
        assertEquals("h1 = tanh(z1)", inspected.of(rebuilt, null).formula(), "a rebuild's formula, not the old one");
    }

    @Test
    void aPickedNodeWinsAndANodeGoneLeavesTheGuide() {
        InspectedNode inspected = new InspectedNode();
        GraphModel g = graph(null, "", true);
        assertSame(g.node("x"), inspected.of(g, g.node("x")));
        GraphModel other = new GraphModel("t", List.of(
                new GraphNode("y", "y", NodeKind.INPUT, "", Tensor.scalar(1), null, "", false)), List.of());
        assertNull(inspected.of(other, null), "x is not in this graph: the reading guide");
    }
}
