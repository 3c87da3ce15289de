package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Sequential;

/**
 * The first layer's weights and biases as of one step, copied on the engine thread (at the boundary
 * cadence, not every step) so the weight pictures can draw each unit's incoming weights in the
 * image's shape. Immutable once made: nothing writes the arrays after the copy.
 *
 * @param step    the step the copy was made at
 * @param inputs  the layer's inputs (784 for Fashion-MNIST)
 * @param units   the layer's units (the classes when there is no hidden layer)
 * @param shape   {rows, cols} of the input image, or null for a table
 * @param output  no hidden layer: the units are the classes (seed 003's "classification vector")
 */
public record FirstLayer(long step, int inputs, int units, int[] shape, boolean output, float[] weights,
                         float[] biases, double maxAbsWeight) {

    /** Copies {@code net}'s first layer, or returns null when it is not a dense layer. */
    static FirstLayer of(Sequential net, long step) {
        if (net.layers().isEmpty() || !(net.layers().get(0) instanceof Linear first)) {
            return null;
        }
        double[] w = first.weight().value().data;
        double[] b = first.bias().value().data;
        int inputs = first.weight().value().numRows;
        int units = first.weight().value().numCols;
        float[] weights = new float[inputs * units];
        double max = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = (float) w[k];
            max = Math.max(max, Math.abs(w[k]));
        }
        float[] biases = new float[units];
        for (int j = 0; j < units; j++) {
            biases[j] = (float) b[j];
        }
        Inputs in = net.features().inputs();
        int[] shape = in.isImage() && in.size() == inputs ? in.shape() : null;
        return new FirstLayer(step, inputs, units, shape, linearLayers(net) == 1, weights, biases, max);
    }

    private static int linearLayers(Sequential net) {
        int n = 0;
        for (Layer l : net.layers()) {
            n += l instanceof Linear ? 1 : 0;
        }
        return n;
    }

    /** The weight from input {@code i} (pixel r*cols+c) to unit {@code j}: W1[i, j]. */
    public double weight(int i, int j) {
        return weights[i * units + j];
    }

    public double bias(int j) {
        return biases[j];
    }

    /** Rows and columns of one unit's picture: the image's shape, or a 1 x inputs strip for a table. */
    public int rows() {
        return shape != null ? shape[0] : 1;
    }

    public int cols() {
        return shape != null ? shape[1] : inputs;
    }

    @Override
    public int[] shape() {
        return shape == null ? null : shape.clone();
    }
}
