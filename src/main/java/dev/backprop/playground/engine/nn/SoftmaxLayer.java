package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Softmax over each row: p_k = exp(z_k - max z) / sum_j exp(z_j - max z). Subtracting the row's
 * largest logit keeps exp from overflowing and changes nothing else. The multiclass head's output.
 */
public final class SoftmaxLayer extends CachingLayer {

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        y.reshape(x.numRows, x.numCols);
        int k = x.numCols;
        double[] in = x.data;
        double[] out = y.data;
        for (int r = 0; r < x.numRows; r++) {
            int base = r * k;
            double max = in[base];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, in[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(in[base + c] - max);
                out[base + c] = e;
                sum += e;
            }
            for (int c = 0; c < k; c++) {
                out[base + c] /= sum;
            }
        }
    }

    /**
     * The general Jacobian-vector product, dL/dz_j = p_j (g_j - sum_k g_k p_k), for any upstream
     * gradient. The multiclass head does not come this way: it fuses softmax with cross-entropy
     * and hands the result, softmax - onehot, straight to {@link #passLogitGradient}.
     */
    @Override
    protected void computeGradients(DMatrixRMaj upstream) {
        gradInput.reshape(upstream.numRows, upstream.numCols);
        int k = upstream.numCols;
        double[] p = output.data;
        double[] g = upstream.data;
        double[] gi = gradInput.data;
        for (int r = 0; r < upstream.numRows; r++) {
            int base = r * k;
            double dot = 0;
            for (int c = 0; c < k; c++) {
                dot += g[base + c] * p[base + c];
            }
            for (int c = 0; c < k; c++) {
                gi[base + c] = p[base + c] * (g[base + c] - dot);
            }
        }
    }

    @Override
    public int outputSize(int inputSize) {
        return inputSize;
    }

    @Override
    public String kind() {
        return "softmax";
    }
}
