package dev.backprop.playground.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What every neuron computes over the input plane: the network run on a small grid (32x32 by
 * default) with each stage's output kept, so each unit's activation can be drawn as a thumbnail
 * beside it (TensorFlow Playground's best-loved picture). Inference only: the training caches, and
 * so the graph's view of the last step, are untouched. Buffers are kept between calls for the same
 * structure; engine thread only.
 */
public final class NeuronGrid {
    public static final int DEFAULT_SIZE = 32;

    private final int size;
    private final double[] bounds;
    private final DMatrixRMaj inputs;
    private final DMatrixRMaj expanded = new DMatrixRMaj(1, 1);
    /** The first layer's inputs at the last {@link #evaluate}: the grid points, or their features. */
    private DMatrixRMaj networkInputs;
    private final List<DMatrixRMaj> outputs = new ArrayList<>();

    /** @param bounds {minX1, maxX1, minX2, maxX2}, the plane the boundary pane shows */
    public NeuronGrid(int size, double[] bounds) {
        this.size = size;
        this.bounds = bounds.clone();
        this.inputs = new DMatrixRMaj(size * size, 2);
        DecisionGrid layout = new DecisionGrid(size, size, this.bounds, null);
        for (int row = 0, k = 0; row < size; row++) {
            for (int col = 0; col < size; col++, k++) {
                inputs.data[2 * k] = layout.x1At(col);
                inputs.data[2 * k + 1] = layout.x2At(row);
            }
        }
    }

    /**
     * Whether {@code network}'s units have pictures over the plane (and a decision boundary): it sees the
     * plane (x1, x2 or features of them) and colours one output. Images, wider tables and several targets
     * have none.
     */
    public static boolean covers(Sequential network) {
        return network.features().isPlanar() && network.head().targets() <= 1;
    }

    /** The grid's side in cells. */
    public int size() {
        return size;
    }

    public double[] bounds() {
        return bounds.clone();
    }

    /**
     * Runs {@code network} on the grid. Returns, per stage of the network, its output on every grid
     * point: {@code result.get(i)} is (size * size) x width_i, row 0 of the grid first. The matrices
     * are this object's buffers, overwritten by the next call.
     */
    public List<DMatrixRMaj> evaluate(Sequential network) {
        network.features().requirePlanar("the neuron grid");
        List<Layer> layers = network.layers();
        while (outputs.size() < layers.size()) {
            outputs.add(new DMatrixRMaj(1, 1));
        }
        DMatrixRMaj in = inputs;
        if (!network.features().isRaw()) {
            network.features().expand(inputs, expanded);
            in = expanded;
        }
        networkInputs = in;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).apply(in, outputs.get(i));
            in = outputs.get(i);
        }
        return outputs.subList(0, layers.size());
    }

    /**
     * Unit {@code unit}'s values over the grid from one stage's output: size * size values, row 0
     * (the top of the plane) first. A new array: it goes into an immutable snapshot.
     */
    public static double[] unit(DMatrixRMaj stageOutput, int unit) {
        int n = stageOutput.numRows;
        int w = stageOutput.numCols;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = stageOutput.data[k * w + unit];
        }
        return out;
    }

    /**
     * Input {@code column}'s values over the grid as the last {@link #evaluate} fed them to the first
     * layer (x1, x2, or a feature such as x1sq), as {@link #unit} gives them.
     */
    public double[] input(int column) {
        return unit(networkInputs == null ? inputs : networkInputs, column);
    }
}
