package dev.backprop.playground.graph;

/**
 * The two views of a network's training step: tensors (x, W1, matmul, +, relu ...: the algebra) and
 * neurons (one node per unit with its picture over the plane, weights on the edges: what the
 * network has learned). Both are revealed by the same step-through.
 */
public enum GraphView implements dev.backprop.playground.engine.Named {
    TENSORS,
    NEURONS;

    /** The parameter the CLI and the UI use: tensors, neurons. */
    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
