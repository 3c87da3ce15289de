package dev.backprop.playground.graph;

/** What a graph node stands for; the viewer and the SVG colour nodes by kind. */
public enum NodeKind {
    /** Data fed in: x, y, or any leaf of an expression. */
    INPUT,
    /** A trainable leaf: W1, b1, a neuron's weights. */
    PARAMETER,
    /** An operation: a small circle in a Value graph, a record with its output in a network graph. */
    OP,
    /** An intermediate value of a Value graph (the record after an op circle). */
    VALUE,
    /** The output that backward starts from. */
    LOSS
}
