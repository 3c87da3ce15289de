package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The perceptron's unit step: 1 when z &gt;= threshold, else 0 (seed 004's predict with th = 0.5).
 * Its slope is 0 almost everywhere, so no gradient passes it: the perceptron head hands the rule's
 * error (y_hat - y) straight to z instead ({@link CachingLayer#passLogitGradient}).
 */
public final class StepLayer extends CachingLayer {
    /** Seed 004's threshold. */
    public static final double THRESHOLD = 0.5;

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        y.reshape(x.numRows, x.numCols);
        double[] in = x.data;
        double[] out = y.data;
        int n = x.getNumElements();
        for (int i = 0; i < n; i++) {
            out[i] = in[i] >= THRESHOLD ? 1 : 0;
        }
    }

    /** The step's true derivative, 0: what a gradient through it would be (the head never asks). */
    @Override
    protected void computeGradients(DMatrixRMaj upstream) {
        gradInput.reshape(upstream.numRows, upstream.numCols);
        gradInput.zero();
    }

    @Override
    public int outputSize(int inputSize) {
        return inputSize;
    }

    @Override
    public String kind() {
        return "step";
    }
}
