package dev.backprop.playground.ui;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;

/**
 * Which node the inspector shows in a frame, always as this frame's graph has it: the node picked,
 * else the one being stepped, else the one it showed last (so a step-through ended by Play, or a
 * rebuild, leaves the same node with the new state's values and formula, never an older graph's).
 */
final class InspectedNode {
    private String lastId;

    /** The node to show from {@code graph} ({@code picked} taken from it too), or null for the reading guide. */
    GraphNode of(GraphModel graph, GraphNode picked) {
        GraphNode n = picked != null ? picked : ExpressionLab.highlighted(graph);
        if (n == null && lastId != null && graph.contains(lastId)) {
            n = graph.node(lastId);
        }
        lastId = n == null ? null : n.id();
        return n;
    }
}
