package dev.backprop.playground.engine.nn;

import java.util.Locale;

/**
 * Seed 004's perceptron: one unit step, class 1 when z &gt;= threshold, trained by the perceptron rule:
 * the error y_hat - y is handed to z as it is (no gradient: the step has no slope), so an SGD step is
 * w += lr (y - y_hat) x; the loss is the share of examples misclassified.
 *
 * @param threshold the step ({@link StepLayer#THRESHOLD}, seed 004's 0.5, unless told; 0 is the textbook
 *                  form, the bias standing for -threshold)
 */
public record PerceptronHead(double threshold) implements Head {
    public PerceptronHead {
        Head.requireThreshold(threshold);
    }

    @Override
    public Kind kind() {
        return Kind.PERCEPTRON;
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public Loss loss() {
        return Loss.PERCEPTRON;
    }

    @Override
    public Head withThreshold(double t) {
        return new PerceptronHead(t);
    }

    @Override
    public String outputType() {
        return "step";
    }

    @Override
    public boolean singleNeuron() {
        return true;
    }

    @Override
    public Layer newOutputLayer() {
        return new StepLayer(threshold);
    }

    @Override
    public boolean fused() {
        return true;
    }

    @Override
    public String describe(double[] output, int r) {
        return String.format(Locale.ROOT, "class %d", predict(output, r));
    }

    /** The step's output, 0 or 1, is the class already. */
    @Override
    public int predict(double[] output, int r) {
        return output[r] >= StepLayer.THRESHOLD ? 1 : 0;
    }

    @Override
    public boolean countsMistakes() {
        return true;
    }

    @Override
    public String logitGradientText() {
        return "\u0394 = \u0177 \u2212 y   (perceptron rule: the step has no slope, its error goes to z as it is)";
    }

    @Override
    public String describe() {
        String step = threshold == StepLayer.THRESHOLD ? ""
                : " at z >= " + dev.backprop.playground.engine.NumberText.short4(threshold);
        return outputType() + step + " + " + loss().id();
    }
}
