package dev.backprop.playground.engine.nn;

import java.util.Locale;

/**
 * Seed 004's Adaline: one identity unit with the squared error as its code computes it, mean((y - z)^2)
 * and gradient -(2/n) sum (y - z) x (the 1/2 of its formula is not in its code); class 1 when z &gt;= 0.5.
 */
public record AdalineHead() implements Head {

    @Override
    public Kind kind() {
        return Kind.ADALINE;
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public Loss loss() {
        return Loss.ADALINE;
    }

    @Override
    public String outputType() {
        return "identity";
    }

    @Override
    public boolean singleNeuron() {
        return true;
    }

    @Override
    public Layer newOutputLayer() {
        return new ActivationLayer(Activation.IDENTITY);
    }

    @Override
    public String describe(double[] output, int r) {
        return String.format(Locale.ROOT, "z = %.3f: class %d", output[r], predict(output, r));
    }

    /** Seed 004: np.where(z >= th, 1, 0), th = 0.5. */
    @Override
    public int predict(double[] output, int r) {
        return output[r] >= StepLayer.THRESHOLD ? 1 : 0;
    }

    @Override
    public String logitGradientText() {
        return "dL/dz = \u22122 (y \u2212 z) / n   (seed 004's code: mean((y \u2212 z)\u00b2), no 1/2)";
    }
}
