package dev.backprop.playground.engine.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** y = x W + b, with W of shape in x out and b of shape 1 x out (seed 000's convention). */
public final class Linear extends CachingLayer {
    private final int inputSize;
    private final int outputSize;
    private final Parameter weight;
    private final Parameter bias;

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
     * layers are narrow (2 inputs, or 1 output), where the general kernel's overhead dominates. A
     * 200x200 decision grid goes through this 40,000 rows at a time.
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
        for (int r = 0; r < rows; r++) {
            // each output row: b, then + x[r,k] * W[k,:] for every input k (contiguous, vectorisable)
            int o = r * outputSize;
            int base = r * inputSize;
            double x0 = in[base];
            for (int c = 0; c < outputSize; c++) {
                out[o + c] = b[c] + x0 * w[c];
            }
            for (int k = 1; k < inputSize; k++) {
                double xv = in[base + k];
                int wk = k * outputSize;
                for (int c = 0; c < outputSize; c++) {
                    out[o + c] += xv * w[wk + c];
                }
            }
        }
    }

    @Override
    protected void computeGradients(DMatrixRMaj gradOutput) {
        // dL/dW = x^T g, dL/db = column sums of g, dL/dx = g W^T
        CommonOps_DDRM.multTransA(input, gradOutput, weight.grad());
        CommonOps_DDRM.sumCols(gradOutput, bias.grad());
        gradInput.reshape(gradOutput.numRows, inputSize);
        CommonOps_DDRM.multTransB(gradOutput, weight.value(), gradInput);
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
