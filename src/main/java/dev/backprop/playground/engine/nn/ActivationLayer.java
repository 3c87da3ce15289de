package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/** A parameter-free layer applying an {@link Activation} to every element: ReLU, Tanh, Sigmoid or identity. */
public final class ActivationLayer extends CachingLayer {
    private final Activation activation;

    public ActivationLayer(Activation activation) {
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        y.reshape(x.numRows, x.numCols);
        double[] in = x.data;
        double[] out = y.data;
        int n = x.getNumElements();
        // The switch sits outside the loop so each loop is a tight kernel with a constant, inlined function.
        switch (activation) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Activation.RELU.apply(in[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Activation.TANH.apply(in[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Activation.SIGMOID.apply(in[i]);
                }
            }
            case IDENTITY -> System.arraycopy(in, 0, out, 0, n);
        }
    }

    @Override
    protected void computeGradients(DMatrixRMaj gradOutput) {
        gradInput.reshape(gradOutput.numRows, gradOutput.numCols);
        double[] x = input.data;
        double[] y = output.data;
        double[] g = gradOutput.data;
        double[] gi = gradInput.data;
        int n = gradOutput.getNumElements();
        // as in apply: one tight loop per function, so the derivative is inlined, not called per element
        switch (activation) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    gi[i] = g[i] * Activation.RELU.derivative(x[i], y[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    gi[i] = g[i] * Activation.TANH.derivative(x[i], y[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    gi[i] = g[i] * Activation.SIGMOID.derivative(x[i], y[i]);
                }
            }
            case IDENTITY -> {
                for (int i = 0; i < n; i++) {
                    gi[i] = g[i] * Activation.IDENTITY.derivative(x[i], y[i]);
                }
            }
        }
    }

    @Override
    public int outputSize(int inputSize) {
        return inputSize;
    }

    @Override
    public String kind() {
        return activation.id();
    }
}
