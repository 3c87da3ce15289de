package dev.backprop.playground.engine.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One stage of a {@link Sequential} network, with seed 000's contract: forward, backward, step.
 * Inputs and outputs are row-per-example matrices (batch x features). Returned matrices are
 * buffers owned by the layer and overwritten by the next call: copy them to keep them.
 */
public interface Layer {

    /** Computes the output and remembers what backward needs. Input: not modified. */
    DMatrixRMaj forward(DMatrixRMaj input);

    /**
     * Given d loss / d output of the last forward, fills the parameter gradients and returns
     * d loss / d input.
     */
    DMatrixRMaj backward(DMatrixRMaj gradOutput);

    /** Inference without touching the training caches. Input: not modified. Output: reshaped and filled. */
    void apply(DMatrixRMaj input, DMatrixRMaj output);

    /** Number of output features for the given number of input features. */
    int outputSize(int inputSize);

    /** Short lowercase name: linear, relu, tanh, sigmoid. */
    String kind();

    /** Trainable parameters, in a fixed order; empty for parameter-free layers. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Seed 000's step: plain gradient descent on this layer's parameters. */
    default void step(double learningRate) {
        for (Parameter p : parameters()) {
            p.sgdStep(learningRate);
        }
    }
}
