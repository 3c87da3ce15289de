package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor and its gradient, of the same shape. Layers fill {@link #grad} in backward;
 * optimizers read it and change {@link #value}.
 */
public final class Parameter {
    private final String name;
    private final DMatrixRMaj value;
    private final DMatrixRMaj grad;

    public Parameter(String name, int rows, int cols) {
        this.name = name;
        this.value = new DMatrixRMaj(rows, cols);
        this.grad = new DMatrixRMaj(rows, cols);
    }

    public String name() {
        return name;
    }

    /** The current values. Modified by optimizers and initializers. */
    public DMatrixRMaj value() {
        return value;
    }

    /** d loss / d value from the last backward pass. */
    public DMatrixRMaj grad() {
        return grad;
    }

    /** Plain gradient descent, the seed's step: value -= learningRate * grad. */
    public void sgdStep(double learningRate) {
        double[] v = value.data;
        double[] g = grad.data;
        int n = value.getNumElements();
        for (int i = 0; i < n; i++) {
            v[i] -= learningRate * g[i];
        }
    }
}
