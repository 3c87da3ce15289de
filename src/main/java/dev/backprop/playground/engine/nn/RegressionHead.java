package dev.backprop.playground.engine.nn;

import java.util.Locale;

/**
 * One identity unit per real target with MSE, the mean over every target of every row (torch's
 * MSELoss); no classes, no accuracy.
 *
 * @param targets 1 to {@link Head#MAX_TARGETS}
 */
public record RegressionHead(int targets) implements Head {
    public RegressionHead {
        Head.require(targets >= 1 && targets <= MAX_TARGETS, "a regression head has 1 to " + MAX_TARGETS
                + " targets, a classifier none");
    }

    @Override
    public Kind kind() {
        return Kind.REGRESSION;
    }

    @Override
    public int classes() {
        return 0;
    }

    @Override
    public Loss loss() {
        return Loss.MSE;
    }

    @Override
    public int outputs() {
        return targets;
    }

    @Override
    public boolean classifies() {
        return false;
    }

    @Override
    public String outputType() {
        return "identity";
    }

    @Override
    public Layer newOutputLayer() {
        return new ActivationLayer(Activation.IDENTITY);
    }

    @Override
    public String describe(double[] output, int r) {
        return String.format(Locale.ROOT, "%.3f", output[r]);
    }

    @Override
    public String describeLabel(double label) {
        return String.format(Locale.ROOT, "%.3f", label);
    }

    @Override
    public int predict(double[] output, int r) {
        return -1;
    }

    /** The mean over targets, as the training loss. */
    @Override
    public double rowLoss(double[] logits, double[] output, double[] labels, int r) {
        double sum = 0;
        for (int t = r * targets; t < (r + 1) * targets; t++) {
            sum += Loss.MSE.value(output[t], labels[t]) / targets;
        }
        return sum;
    }

    @Override
    public String logitGradientText() {
        return "dL/dz = dL/d\u0177   (identity: \u0177 = z)";
    }

    @Override
    public String describe() {
        return "identity + mse" + (targets > 1 ? " over " + targets + " targets" : "");
    }
}
