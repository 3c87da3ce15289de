package dev.backprop.playground.graph;

/**
 * What a node of the neuron view carries besides its activation (data) and dL/da (grad): its
 * pre-activation z (NaN for an input, or while the forward pass has not reached it), its bias
 * (NaN for an input) and its picture over the input plane (null until one is computed).
 */
public record Neuron(double z, double bias, Thumbnail thumbnail) {
}
