package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/** A parameter-free layer applying an {@link Activation} to every element: ReLU, Tanh or Sigmoid. */
public final class ActivationLayer implements Layer {
    private final Activation activation;
    private final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj gradInput = new DMatrixRMaj(1, 1);
    private DMatrixRMaj input;
    private DMatrixRMaj gradOutput;

    public ActivationLayer(Activation activation) {
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    public DMatrixRMaj lastInput() {
        return input;
    }

    public DMatrixRMaj lastOutput() {
        return output;
    }

    /** d loss / d output received by the last backward (null before the first). */
    public DMatrixRMaj lastGradOutput() {
        return gradOutput;
    }

    /** d loss / d input returned by the last backward. */
    public DMatrixRMaj lastGradInput() {
        return gradInput;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj input) {
        this.input = input;
        apply(input, output);
        return output;
    }

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        y.reshape(x.numRows, x.numCols);
        double[] in = x.data;
        double[] out = y.data;
        int n = x.getNumElements();
        // The switch sits outside the loop so each loop is a tight, inlinable kernel.
        switch (activation) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.max(in[i], 0.0); // branch-free: signs are random, branches mispredict
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.tanh(in[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[i] = 1 / (1 + Math.exp(-in[i]));
                }
            }
        }
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj gradOutput) {
        this.gradOutput = gradOutput;
        gradInput.reshape(gradOutput.numRows, gradOutput.numCols);
        double[] x = input.data;
        double[] y = output.data;
        double[] g = gradOutput.data;
        double[] gi = gradInput.data;
        int n = gradOutput.getNumElements();
        for (int i = 0; i < n; i++) {
            gi[i] = g[i] * activation.derivative(x[i], y[i]);
        }
        return gradInput;
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
