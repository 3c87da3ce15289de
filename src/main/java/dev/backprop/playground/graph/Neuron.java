package dev.backprop.playground.graph;

/**
 * What a node of the neuron view carries besides its activation (data) and dL/da (grad).
 *
 * @param input     an input (x1, x2 or a feature) rather than a unit with a weighted sum
 * @param zKnown    whether the forward pass has computed z yet (while stepping it may not have)
 * @param z         the pre-activation (meaningless for an input, or when not known)
 * @param bias      the unit's bias (meaningless for an input)
 * @param thumbnail its picture over the input plane, or null until one is computed
 */
public record Neuron(boolean input, boolean zKnown, double z, double bias, Thumbnail thumbnail) {
    public static Neuron input(Thumbnail thumbnail) {
        return new Neuron(true, false, Double.NaN, Double.NaN, thumbnail);
    }
}
