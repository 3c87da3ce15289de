package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The perceptron's unit step: 1 when z &gt;= threshold, else 0 (seed 004's predict with th = 0.5; with
 * th = 0 the textbook form, where the bias plays -th).
 * Its slope is 0 almost everywhere, so no gradient passes it: the perceptron head hands the rule's
 * error (y_hat - y) straight to z instead ({@link CachingLayer#passLogitGradient}).
 */
public final class StepLayer extends CachingLayer {
    /** Seed 004's threshold. */
    public static final double THRESHOLD = 0.5;
    /** Largest threshold either way: far past any z the app's inputs give, still a number to print. */
    public static final double MAX_THRESHOLD = 1000;
    private final double threshold;

    /** Seed 004's step, at 0.5. */
    public StepLayer() {
        this(THRESHOLD);
    }

    public StepLayer(double threshold) {
        if (!(Math.abs(threshold) <= MAX_THRESHOLD)) {
            throw new IllegalArgumentException("--threshold must be a number from -" + MAX_THRESHOLD + " to "
                    + MAX_THRESHOLD + ", got " + threshold);
        }
        this.threshold = threshold;
    }

    /** Where the step rises: 1 when z &gt;= threshold. */
    public double threshold() {
        return threshold;
    }

    @Override
    public void apply(DMatrixRMaj x, DMatrixRMaj y) {
        y.reshape(x.numRows, x.numCols);
        double[] in = x.data;
        double[] out = y.data;
        int n = x.getNumElements();
        for (int i = 0; i < n; i++) {
            out[i] = in[i] >= threshold ? 1 : 0;
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
