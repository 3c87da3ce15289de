package dev.backprop.playground.engine.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The end of a network and what it means: the output activation, the loss, the rule that turns an
 * output into a prediction, what "wrong with certainty" is, and how the plane is coloured. Nothing
 * else in the project assumes two classes or a sigmoid. One record per head:
 *
 * <ul>
 *   <li>{@link BinaryHead}: one sigmoid unit with BCE (seed 000's 1e-10 guard) or MSE; class 1 when o &gt; 0.5;</li>
 *   <li>{@link MulticlassHead}: K logits, softmax, cross-entropy from the logits (log-sum-exp),
 *       dL/dz = (softmax(z) − onehot(y)) / batch; the class with the largest probability;</li>
 *   <li>{@link RegressionHead}: one identity unit per target (1 to {@link #MAX_TARGETS}) with MSE, the mean
 *       over every target of every row (torch's MSELoss); no classes, no accuracy;</li>
 *   <li>{@link PerceptronHead} (seed 004): one unit step, trained by the perceptron rule;</li>
 *   <li>{@link AdalineHead} (seed 004): one identity unit with the squared error as its code computes it.</li>
 * </ul>
 */
public sealed interface Head permits BinaryHead, MulticlassHead, RegressionHead, PerceptronHead, AdalineHead {
    int MAX_CLASSES = dev.backprop.playground.engine.data.DatasetKind.MAX_DATA_CLASSES;
    int MAX_TARGETS = dev.backprop.playground.engine.data.Dataset.MAX_TARGETS;

    /** The heads by name, for the code that says which one it has (files, the CLI, the controls). */
    enum Kind { BINARY, MULTICLASS, REGRESSION, PERCEPTRON, ADALINE }

    Kind kind();

    /** 2 for the 0/1 classifiers, 2 to {@link #MAX_CLASSES} for multiclass, 0 for regression. */
    int classes();

    Loss loss();

    /** Real targets of a regression head (1 to {@link #MAX_TARGETS}); 0 for a classifier. */
    default int targets() {
        return 0;
    }

    /**
     * The perceptron's step: class 1 when z &gt;= threshold ({@link StepLayer#THRESHOLD}, seed 004's 0.5,
     * unless told); the other heads keep the default.
     */
    default double threshold() {
        return StepLayer.THRESHOLD;
    }

    /** This perceptron with the step at {@code t} (see {@link #threshold}); refused for the other heads. */
    default Head withThreshold(double t) {
        requireThreshold(t);
        require(t == StepLayer.THRESHOLD, "--threshold is the perceptron's unit step (--loss perceptron); "
                + loss().id() + " has none");
        return this;
    }

    /** Units of the last linear layer. */
    default int outputs() {
        return 1;
    }

    default boolean classifies() {
        return true;
    }

    /** The output layer's type, as model.json names it: sigmoid, softmax, identity, step. */
    String outputType();

    /**
     * Whether training counts this head's mistakes per epoch: the perceptron's rule updates on a
     * misclassified example only, so its errors per epoch are its learning curve (seed 004).
     */
    default boolean countsMistakes() {
        return false;
    }

    /** A single neuron of seed 004 (perceptron, adaline): it has no hidden layer. */
    default boolean singleNeuron() {
        return false;
    }

    /** A fresh output layer for this head. */
    Layer newOutputLayer();

    /**
     * True when the loss hands d/dz to the output layer's input directly: softmax with cross-entropy,
     * and the perceptron's error, which no slope of the step multiplies.
     */
    default boolean fused() {
        return false;
    }

    /**
     * Mean loss of a batch. Fills {@code grad} (reshaped) with what backward starts from, already
     * divided by the batch: dL/dŷ for the sigmoid and identity heads, dL/dz for the fused softmax. This
     * one is the elementwise loss of every output; the softmax head overrides it.
     *
     * @param logits the output layer's input (rows x outputs), not modified
     * @param output the output layer's output, not modified
     * @param target one label or target per row, not modified
     */
    default double lossAndGradient(DMatrixRMaj logits, DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        grad.reshape(output.numRows, output.numCols);
        double[] o = output.data;
        double[] y = target.data;
        double[] g = grad.data;
        Loss loss = loss();
        int n = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += loss.value(o[i], y[i]);
            g[i] = loss.derivative(o[i], y[i]) / n;
        }
        return sum / n;
    }

    /**
     * Row {@code r} of {@code output} in words, for a readout: "P(class 1) = 0.873" (sigmoid),
     * "class 2, P = 0.810" (softmax: the predicted class and its probability), "0.532" (regression).
     */
    String describe(double[] output, int r);

    /** A label in words: a class index, or a regression target. */
    default String describeLabel(double label) {
        return Integer.toString((int) label);
    }

    /** The predicted class of row {@code r} of a network's output: o &gt; 0.5, or the argmax; -1 for regression. */
    int predict(double[] output, int r);

    /**
     * {mean loss, accuracy (NaN for regression), share of points predicted wrong with certainty
     * (see {@link Metrics#SATURATION})} of a network's logits and outputs on labelled rows: one loop
     * for every head, over the head's own rules ({@link #rowLoss}, {@link #predict}, {@link #wrongForSure}).
     */
    default double[] measure(DMatrixRMaj logits, DMatrixRMaj output, DMatrixRMaj labels) {
        int n = labels.numRows;
        double[] o = output.data;
        double[] y = labels.data;
        double sum = 0;
        int correct = 0;
        int saturated = 0;
        for (int i = 0; i < n; i++) {
            sum += rowLoss(logits.data, o, y, i);
            if (!classifies()) {
                continue;
            }
            int label = (int) y[i];
            if (predict(o, i) == label) {
                correct++;
            } else if (wrongForSure(o, i, label)) {
                saturated++;
            }
        }
        return new double[] {sum / n, classifies() ? (double) correct / n : Double.NaN, (double) saturated / n};
    }

    /** The loss of row {@code r} of a single-output head's outputs against its labels; softmax and several targets have their own. */
    default double rowLoss(double[] logits, double[] output, double[] labels, int r) {
        return loss().value(output[r], labels[r]);
    }

    /**
     * Whether row {@code r}, predicted wrong, was predicted with certainty (a saturated output, see
     * {@link Metrics#SATURATION}); a step's or a linear unit's 0/1 answer never is.
     */
    default boolean wrongForSure(double[] output, int r, int label) {
        return false;
    }

    /** counts[true class][predicted class] over labelled rows; empty for regression. */
    default int[][] confusion(DMatrixRMaj output, DMatrixRMaj labels) {
        int classes = classes();
        int[][] counts = new int[classifies() ? classes : 0][classes];
        if (!classifies()) {
            return counts;
        }
        for (int i = 0; i < labels.numRows; i++) {
            int label = (int) labels.data[i];
            if (label >= 0 && label < classes) {
                counts[label][predict(output.data, i)]++;
            }
        }
        return counts;
    }

    /** The chain rule from the loss to the last pre-activation, as the stepper shows it. */
    String logitGradientText();

    /** "sigmoid + bce", "softmax + ce over 3 classes", "identity + mse", "identity + mse over 2 targets". */
    default String describe() {
        return outputType() + " + " + loss().id();
    }

    /** Seed 000's head: one sigmoid unit and binary cross-entropy. */
    static Head binary() {
        return new BinaryHead(Loss.BCE);
    }

    static Head multiclass(int classes) {
        return new MulticlassHead(classes);
    }

    static Head regression() {
        return new RegressionHead(1);
    }

    /** Identity units and MSE on {@code targets} real targets. */
    static Head regression(int targets) {
        return new RegressionHead(targets);
    }

    /**
     * The head for a loss and a number of classes (0: regression): bce on 2 classes is a sigmoid,
     * ce a softmax, mse a sigmoid on 2 classes and an identity on a regression target.
     *
     * @throws IllegalArgumentException for a loss that does not fit, naming both
     */
    static Head of(Loss loss, int classes) {
        if (classes == 0) {
            require(loss == Loss.MSE, "--loss " + loss.id() + " does not fit a regression target: use mse");
            return regression();
        }
        if (loss == Loss.CE) {
            return multiclass(classes);
        }
        if (loss == Loss.PERCEPTRON || loss == Loss.ADALINE) {
            require(classes == 2, "--loss " + loss.id() + " is a single neuron's 0/1 classifier: it needs 2 classes, "
                    + "the data has " + classes);
            return loss == Loss.PERCEPTRON ? new PerceptronHead(StepLayer.THRESHOLD) : new AdalineHead();
        }
        require(classes == 2, "--loss " + loss.id() + " needs 2 classes, the data has " + classes + ": use ce");
        return new BinaryHead(loss);
    }

    /** As {@link #of(Loss, int)}, with {@code targets} identity units when the data has that many real targets. */
    static Head of(Loss loss, int classes, int targets) {
        Head head = of(loss, classes);
        return classes == 0 && targets != 1 ? regression(targets) : head;
    }

    /** The loss a dataset gets unless told otherwise: bce for 2 classes, ce for more, mse for a target. */
    static Loss defaultLoss(int classes) {
        return classes == 0 ? Loss.MSE : classes == 2 ? Loss.BCE : Loss.CE;
    }

    /** Refuses a head that cannot be, with the reason. */
    static void require(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException(why);
        }
    }

    /** A step threshold within the stated limits. */
    static void requireThreshold(double t) {
        require(Math.abs(t) <= StepLayer.MAX_THRESHOLD, "--threshold must be a number from -"
                + StepLayer.MAX_THRESHOLD + " to " + StepLayer.MAX_THRESHOLD + ", got " + t);
    }
}
