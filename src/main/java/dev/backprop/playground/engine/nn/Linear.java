package dev.backprop.playground.engine.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** y = x W + b, with W of shape in x out and b of shape 1 x out (seed 000's convention). */
public final class Linear extends CachingLayer {
    private final int inputSize;
    private final int outputSize;
    private final Parameter weight;
    private final Parameter bias;
    /**
     * W^T as the last backward saw it, for dL/dx = g W^T: made at the first wide backward and refilled
     * by each one (no allocation per step). Being a copy, it still holds the pre-update W when a
     * deferred dL/dx is asked for after the optimizer's step.
     */
    private double[] weightTransposed;
    /** Set while {@link #backwardParameters} runs: the general path leaves dL/dx for later. */
    private boolean deferInputGradient;
    /** dL/dx of the last backward is not computed yet; {@link #lastGradInput()} computes it. */
    private boolean inputGradientPending;

    public Linear(int inputSize, int outputSize, int index) {
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.weight = new Parameter("W" + index, inputSize, outputSize);
        this.bias = new Parameter("b" + index, 1, outputSize);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public int inputSize() {
        return inputSize;
    }

    /**
     * y = x W + b. Written out rather than EJML's general product plus a bias pass: the playground's
     * layers are narrow (2 inputs, or 1 output), where the general kernel's overhead dominates, and
     * wide ones (784 pixels) go through {@link DenseKernel}. A 200x200 decision grid goes through this
     * 40,000 rows at a time.
     */
    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        int rows = x.numRows;
        y.reshape(rows, outputSize);
        double[] in = x.data;
        double[] w = weight.value().data;
        double[] b = bias.value().data;
        double[] out = y.data;
        if (outputSize == 1) {
            // one dot product per row; four partial sums break the add latency chain
            double b0 = b[0];
            for (int r = 0; r < rows; r++) {
                int base = r * inputSize;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int k = 0;
                for (; k + 3 < inputSize; k += 4) {
                    s0 += in[base + k] * w[k];
                    s1 += in[base + k + 1] * w[k + 1];
                    s2 += in[base + k + 2] * w[k + 2];
                    s3 += in[base + k + 3] * w[k + 3];
                }
                for (; k < inputSize; k++) {
                    s0 += in[base + k] * w[k];
                }
                out[r] = b0 + ((s0 + s1) + (s2 + s3));
            }
            return;
        }
        if (inputSize == 2) {
            // the first layer on raw x1, x2: one pass per row, the same sums in the same order as below
            for (int r = 0; r < rows; r++) {
                int o = r * outputSize;
                double x0 = in[2 * r];
                double x1 = in[2 * r + 1];
                for (int c = 0; c < outputSize; c++) {
                    out[o + c] = b[c] + x0 * w[c] + x1 * w[outputSize + c];
                }
            }
            return;
        }
        DenseKernel.forward(in, rows, inputSize, w, b, outputSize, out);
    }

    /**
     * dL/dW = x^T g, dL/db = column sums of g, dL/dx = g W^T. The two narrow shapes every playground
     * network has (the first layer on x1, x2 and a one-unit output) are written out, for the same
     * reason as {@link #apply}: at batch 1 EJML's general products cost more in dispatch than in
     * arithmetic. Each sum runs in the order EJML's kernels use (rows, then columns, from zero), so
     * the results are the same bits; other shapes go through {@link DenseKernel}, which keeps those orders too.
     */
    @Override
    protected void computeGradients(DMatrixRMaj gradOutput) {
        int rows = gradOutput.numRows;
        inputGradientPending = false;
        gradInput.reshape(rows, inputSize);
        if (outputSize == 1) {
            narrowGradients(rows, input.data, gradOutput.data, weight.value().data, weight.grad().data,
                    bias.grad().data, gradInput.data);
        } else if (inputSize == 2) {
            twoInputGradients(rows, input.data, gradOutput.data, weight.value().data, weight.grad().data,
                    bias.grad().data, gradInput.data);
        } else {
            double[] g = gradOutput.data;
            DenseKernel.weightGradient(input.data, g, rows, inputSize, outputSize, weight.grad().data);
            DenseKernel.columnSums(g, rows, outputSize, bias.grad().data);
            if (!deferInputGradient && rows < VectorKernel.TILE_ROWS) {
                // a per-sample step: dot products on W itself, no transposed copy to make first
                DenseKernel.inputGradientFromWeights(g, weight.value().data, rows, inputSize, outputSize, gradInput.data);
                return;
            }
            if (weightTransposed == null) {
                weightTransposed = new double[inputSize * outputSize];
            }
            DenseKernel.transpose(weight.value().data, inputSize, outputSize, weightTransposed);
            inputGradientPending = true;
            if (!deferInputGradient) {
                computeInputGradient();
            }
        }
    }

    /**
     * Backward for the first layer: dL/dW and dL/db now, dL/dx (which nothing upstream of the network
     * needs, and which costs as much as dL/dW at 784 inputs) only if {@link #lastGradInput()} asks,
     * from the same g and the W of this backward. PyTorch skips it the same way for inputs without
     * requires_grad. The narrow shapes compute it at once, as {@link #backward} does.
     */
    void backwardParameters(DMatrixRMaj upstream) {
        deferInputGradient = true;
        try {
            backward(upstream);
        } finally {
            deferInputGradient = false;
        }
    }

    /** d loss / d input of the last backward, computed now if {@link #backwardParameters} deferred it. */
    @Override
    public DMatrixRMaj lastGradInput() {
        if (inputGradientPending) {
            computeInputGradient();
        }
        return gradInput;
    }

    private void computeInputGradient() {
        DenseKernel.inputGradient(gradOutput.data, weightTransposed, gradOutput.numRows, inputSize, outputSize,
                gradInput.data);
        inputGradientPending = false;
    }

    /** The first layer on raw x1, x2: two rows of W, two sums per row of dL/dx, accumulated side by side. */
    private void twoInputGradients(int rows, double[] x, double[] g, double[] w, double[] dw, double[] db, double[] gi) {
        int out = outputSize;
        double x0 = x[0];
        double x1 = x[1];
        for (int c = 0; c < out; c++) {
            double gc = g[c];
            db[c] = gc;
            dw[c] = x0 * gc;
            dw[out + c] = x1 * gc;
        }
        for (int r = 1; r < rows; r++) {
            int o = r * out;
            double xr0 = x[2 * r];
            double xr1 = x[2 * r + 1];
            for (int c = 0; c < out; c++) {
                double gc = g[o + c];
                db[c] += gc;
                dw[c] += xr0 * gc;
                dw[out + c] += xr1 * gc;
            }
        }
        for (int r = 0; r < rows; r++) {
            int o = r * out;
            double s0 = 0;
            double s1 = 0;
            for (int c = 0; c < out; c++) {
                s0 += g[o + c] * w[c];
                s1 += g[o + c] * w[out + c];
            }
            gi[2 * r] = s0;
            gi[2 * r + 1] = s1;
        }
    }

    /** The one-output layer (the last one of a binary or regression head): every product is a scaled row. */
    private void narrowGradients(int rows, double[] x, double[] g, double[] w, double[] dw, double[] db, double[] gi) {
        double g0 = g[0];
        for (int k = 0; k < inputSize; k++) {
            dw[k] = x[k] * g0;
            gi[k] = g0 * w[k];
        }
        double sum = g0;
        for (int r = 1; r < rows; r++) {
            double gr = g[r];
            sum += gr;
            int base = r * inputSize;
            for (int k = 0; k < inputSize; k++) {
                dw[k] += x[base + k] * gr;
                gi[base + k] = gr * w[k];
            }
        }
        db[0] = sum;
    }

    @Override
    public int outputSize(int inputSize) {
        return outputSize;
    }

    @Override
    public String kind() {
        return "linear";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }
}
