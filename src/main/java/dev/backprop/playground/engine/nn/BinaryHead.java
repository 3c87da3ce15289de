package dev.backprop.playground.engine.nn;

import java.util.Locale;

/** Seed 000's head: one sigmoid unit with BCE (its 1e-10 guard) or MSE; class 1 when o &gt; 0.5. */
public record BinaryHead(Loss loss) implements Head {
    public BinaryHead {
        Head.require(loss == Loss.BCE || loss == Loss.MSE, "a sigmoid head has 2 classes and bce or mse");
    }

    @Override
    public Kind kind() {
        return Kind.BINARY;
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public String outputType() {
        return "sigmoid";
    }

    @Override
    public Layer newOutputLayer() {
        return new ActivationLayer(Activation.SIGMOID);
    }

    @Override
    public String describe(double[] output, int r) {
        return String.format(Locale.ROOT, "P(class 1) = %.3f", output[r]);
    }

    @Override
    public int predict(double[] output, int r) {
        return output[r] > 0.5 ? 1 : 0;
    }

    @Override
    public boolean wrongForSure(double[] output, int r, int label) {
        return Math.abs(output[r] - label) > 1 - Metrics.SATURATION;
    }

    @Override
    public String logitGradientText() {
        return "dL/dz = dL/d\u0177 \u2299 sigmoid'(z)";
    }
}
