package dev.backprop.playground.graph;

/**
 * What a node of the neuron view carries besides its activation (data) and dL/da (grad).
 *
 * @param input     an input (x1, x2 or a feature) rather than a unit with a weighted sum
 * @param zKnown    whether the forward pass has computed z yet (while stepping it may not have)
 * @param z         the pre-activation (meaningless for an input, or when not known)
 * @param bias      the unit's bias (meaningless for an input)
 * @param thumbnail its picture (over the input plane, or a first-layer unit's weights over an image), or null
 *                  until one is computed
 * @param pictured  whether its card keeps a box for a picture: on the plane every unit has one (computed with the
 *                  boundary); off it only the first layer over an image (its weights), so other cards shrink to
 *                  their text rather than keep a blank square. Fixed by the network, not by the numbers: a card
 *                  keeps its size while its picture comes and goes
 */
public record Neuron(boolean input, boolean zKnown, double z, double bias, Thumbnail thumbnail, boolean pictured) {
    public Neuron {
        if (!pictured && thumbnail != null) {
            throw new IllegalArgumentException("a picture for a card without a box for it");
        }
    }

    /** A unit of a network on the plane: its card has the picture's box. */
    public Neuron(boolean input, boolean zKnown, double z, double bias, Thumbnail thumbnail) {
        this(input, zKnown, z, bias, thumbnail, true);
    }

    /** An input on the plane: its picture is its own value over the plane. */
    public static Neuron input(Thumbnail thumbnail) {
        return input(thumbnail, true);
    }

    /** An input, with its picture's box ({@code pictured}: on the plane) or without (a table's column). */
    public static Neuron input(Thumbnail thumbnail, boolean pictured) {
        return new Neuron(true, false, Double.NaN, Double.NaN, thumbnail, pictured);
    }
}
