package dev.backprop.playground.engine.nn;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The end of a network and what it means: the output activation, the loss, the rule that turns an
 * output into a prediction, what "wrong with certainty" is, and how the plane is coloured. Nothing
 * else in the project assumes two classes or a sigmoid.
 *
 * <ul>
 *   <li>binary: one sigmoid unit with BCE (seed 000's 1e-10 guard) or MSE; class 1 when o &gt; 0.5;</li>
 *   <li>multiclass: K logits, softmax, cross-entropy from the logits (log-sum-exp), dL/dz = (softmax(z) − onehot(y)) / batch;
 *       the class with the largest probability;</li>
 *   <li>regression: one identity unit per target (1 to {@link #MAX_TARGETS}) with MSE, the mean over
 *       every target of every row (torch's MSELoss); no classes, no accuracy.</li>
 *   <li>perceptron (seed 004): one unit step, class 1 when z &gt;= 0.5, trained by the perceptron rule: the
 *       error y_hat - y is handed to z as it is (no gradient: the step has no slope), so an SGD step is
 *       w += lr (y - y_hat) x; the loss is the share of examples misclassified;</li>
 *   <li>adaline (seed 004): one identity unit with the squared error as its code computes it, mean((y - z)^2)
 *       and gradient -(2/n) sum (y - z) x (the 1/2 of its formula is not in its code); class 1 when z &gt;= 0.5.</li>
 * </ul>
 *
 * @param classes 2 for binary, 2 to {@link #MAX_CLASSES} for multiclass, 0 for regression
 * @param targets real targets of a regression head (1 to {@link #MAX_TARGETS}); 0 for a classifier
 * @param threshold the perceptron's step: class 1 when z &gt;= threshold ({@link StepLayer#THRESHOLD}, seed
 *                  004's 0.5, unless told; 0 is the textbook form, the bias standing for -threshold); the
 *                  other heads keep the default
 */
public record Head(Kind kind, int classes, Loss loss, int targets, double threshold) {
    public static final int MAX_CLASSES = dev.backprop.playground.engine.data.DatasetKind.MAX_DATA_CLASSES;
    public static final int MAX_TARGETS = dev.backprop.playground.engine.data.Dataset.MAX_TARGETS;

    public enum Kind { BINARY, MULTICLASS, REGRESSION, PERCEPTRON, ADALINE }

    public Head {
        if (kind == null || loss == null) {
            throw new IllegalArgumentException("a head needs a kind and a loss");
        }
        switch (kind) {
            case BINARY -> require(classes == 2 && loss != Loss.CE, "a sigmoid head has 2 classes and bce or mse");
            case MULTICLASS -> require(classes >= 2 && classes <= MAX_CLASSES && loss == Loss.CE,
                    "a softmax head has 2 to " + MAX_CLASSES + " classes and the ce loss");
            case REGRESSION -> require(classes == 0 && loss == Loss.MSE, "a regression head has the mse loss");
            case PERCEPTRON -> require(classes == 2 && loss == Loss.PERCEPTRON, "a perceptron has 2 classes");
            case ADALINE -> require(classes == 2 && loss == Loss.ADALINE, "adaline has 2 classes");
        }
        require(kind == Kind.REGRESSION ? targets >= 1 && targets <= MAX_TARGETS : targets == 0,
                "a regression head has 1 to " + MAX_TARGETS + " targets, a classifier none");
        require(Math.abs(threshold) <= StepLayer.MAX_THRESHOLD, "--threshold must be a number from -"
                + StepLayer.MAX_THRESHOLD + " to " + StepLayer.MAX_THRESHOLD + ", got " + threshold);
        require(kind == Kind.PERCEPTRON || threshold == StepLayer.THRESHOLD, "--threshold is the perceptron's unit "
                + "step (--loss perceptron); " + loss.id() + " has none");
    }

    /** A head with seed 004's threshold. */
    public Head(Kind kind, int classes, Loss loss, int targets) {
        this(kind, classes, loss, targets, StepLayer.THRESHOLD);
    }

    /** This perceptron with the step at {@code t} (see {@link #threshold}); refused for the other heads. */
    public Head withThreshold(double t) {
        return new Head(kind, classes, loss, targets, t);
    }

    /** A classifier, or a regression head on one target. */
    public Head(Kind kind, int classes, Loss loss) {
        this(kind, classes, loss, kind == Kind.REGRESSION ? 1 : 0);
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException(why);
        }
    }

    /** Seed 000's head: one sigmoid unit and binary cross-entropy. */
    public static Head binary() {
        return new Head(Kind.BINARY, 2, Loss.BCE);
    }

    public static Head multiclass(int classes) {
        return new Head(Kind.MULTICLASS, classes, Loss.CE);
    }

    public static Head regression() {
        return new Head(Kind.REGRESSION, 0, Loss.MSE);
    }

    /** Identity units and MSE on {@code targets} real targets. */
    public static Head regression(int targets) {
        return new Head(Kind.REGRESSION, 0, Loss.MSE, targets);
    }

    /**
     * The head for a loss and a number of classes (0: regression): bce on 2 classes is a sigmoid,
     * ce a softmax, mse a sigmoid on 2 classes and an identity on a regression target.
     *
     * @throws IllegalArgumentException for a loss that does not fit, naming both
     */
    public static Head of(Loss loss, int classes) {
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
            return new Head(loss == Loss.PERCEPTRON ? Kind.PERCEPTRON : Kind.ADALINE, 2, loss);
        }
        require(classes == 2, "--loss " + loss.id() + " needs 2 classes, the data has " + classes + ": use ce");
        return new Head(Kind.BINARY, 2, loss);
    }

    /** As {@link #of(Loss, int)}, with {@code targets} identity units when the data has that many real targets. */
    public static Head of(Loss loss, int classes, int targets) {
        Head head = of(loss, classes);
        return classes == 0 && targets != 1 ? regression(targets) : head;
    }

    /** The loss a dataset gets unless told otherwise: bce for 2 classes, ce for more, mse for a target. */
    public static Loss defaultLoss(int classes) {
        return classes == 0 ? Loss.MSE : classes == 2 ? Loss.BCE : Loss.CE;
    }

    /** Units of the last linear layer. */
    public int outputs() {
        return kind == Kind.MULTICLASS ? classes : kind == Kind.REGRESSION ? targets : 1;
    }

    public boolean classifies() {
        return kind != Kind.REGRESSION;
    }

    /** The output layer's type, as model.json names it: sigmoid, softmax, identity, step. */
    public String outputType() {
        return switch (kind) {
            case BINARY -> "sigmoid";
            case MULTICLASS -> "softmax";
            case REGRESSION, ADALINE -> "identity";
            case PERCEPTRON -> "step";
        };
    }

    /** A single neuron of seed 004 (perceptron, adaline): it has no hidden layer. */
    public boolean singleNeuron() {
        return kind == Kind.PERCEPTRON || kind == Kind.ADALINE;
    }

    /** A fresh output layer for this head. */
    public Layer newOutputLayer() {
        return switch (kind) {
            case BINARY -> new ActivationLayer(Activation.SIGMOID);
            case MULTICLASS -> new SoftmaxLayer();
            case REGRESSION, ADALINE -> new ActivationLayer(Activation.IDENTITY);
            case PERCEPTRON -> new StepLayer(threshold);
        };
    }

    /**
     * True when the loss hands d/dz to the output layer's input directly: softmax with cross-entropy,
     * and the perceptron's error, which no slope of the step multiplies.
     */
    public boolean fused() {
        return kind == Kind.MULTICLASS || kind == Kind.PERCEPTRON;
    }

    /**
     * Mean loss of a batch. Fills {@code grad} (reshaped) with what backward starts from, already
     * divided by the batch: dL/dŷ for the sigmoid and identity heads, dL/dz for the fused softmax.
     *
     * @param logits the output layer's input (rows x outputs), not modified
     * @param output the output layer's output, not modified
     * @param target one label or target per row, not modified
     */
    public double lossAndGradient(DMatrixRMaj logits, DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        grad.reshape(output.numRows, output.numCols);
        double[] o = output.data;
        double[] y = target.data;
        double[] g = grad.data;
        if (kind != Kind.MULTICLASS) {
            int n = output.getNumElements();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += loss.value(o[i], y[i]);
                g[i] = loss.derivative(o[i], y[i]) / n;
            }
            return sum / n;
        }
        int rows = output.numRows;
        int k = classes;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int label = (int) y[r];
            sum += crossEntropy(logits.data, r * k, label);
            for (int c = 0; c < k; c++) {
                g[r * k + c] = (o[r * k + c] - (c == label ? 1 : 0)) / rows;
            }
        }
        return sum / rows;
    }

    /** -log softmax(z)_label = logsumexp(z) - z_label, with the largest logit taken out first. */
    private double crossEntropy(double[] z, int base, int label) {
        double max = z[base];
        for (int c = 1; c < classes; c++) {
            max = Math.max(max, z[base + c]);
        }
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += Math.exp(z[base + c] - max);
        }
        return max + Math.log(s) - z[base + label];
    }

    /**
     * Row {@code r} of {@code output} in words, for a readout: "P(class 1) = 0.873" (sigmoid),
     * "class 2, P = 0.810" (softmax: the predicted class and its probability), "0.532" (regression).
     */
    public String describe(double[] output, int r) {
        return switch (kind) {
            case BINARY -> String.format(java.util.Locale.ROOT, "P(class 1) = %.3f", output[r]);
            case MULTICLASS -> {
                int c = predict(output, r);
                yield String.format(java.util.Locale.ROOT, "class %d, P = %.3f", c, output[r * classes + c]);
            }
            case REGRESSION -> String.format(java.util.Locale.ROOT, "%.3f", output[r]);
            case PERCEPTRON -> String.format(java.util.Locale.ROOT, "class %d", predict(output, r));
            case ADALINE -> String.format(java.util.Locale.ROOT, "z = %.3f: class %d", output[r], predict(output, r));
        };
    }

    /** A label in words: a class index, or a regression target. */
    public String describeLabel(double label) {
        return classifies() ? Integer.toString((int) label) : String.format(java.util.Locale.ROOT, "%.3f", label);
    }

    /** The predicted class of row {@code r} of a network's output: o &gt; 0.5, or the argmax; -1 for regression. */
    public int predict(double[] output, int r) {
        switch (kind) {
            case BINARY:
                return output[r] > 0.5 ? 1 : 0;
            case PERCEPTRON: // the step's output, 0 or 1, is the class already
            case ADALINE: // seed 004: np.where(z >= th, 1, 0), th = 0.5
                return output[r] >= StepLayer.THRESHOLD ? 1 : 0;
            case MULTICLASS:
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (output[r * classes + c] > output[r * classes + best]) {
                        best = c;
                    }
                }
                return best;
            default:
                return -1;
        }
    }

    /**
     * {mean loss, accuracy (NaN for regression), share of points predicted wrong with certainty
     * (see {@link Metrics#SATURATION})} of a network's logits and outputs on labelled rows.
     */
    public double[] measure(DMatrixRMaj logits, DMatrixRMaj output, DMatrixRMaj labels) {
        int n = labels.numRows;
        double[] o = output.data;
        double[] y = labels.data;
        double sum = 0;
        int correct = 0;
        int saturated = 0;
        for (int i = 0; i < n; i++) {
            int label = (int) y[i];
            switch (kind) {
                case BINARY -> {
                    sum += loss.value(o[i], y[i]);
                    if (predict(o, i) == label) {
                        correct++;
                    } else if (Math.abs(o[i] - y[i]) > 1 - Metrics.SATURATION) {
                        saturated++;
                    }
                }
                case MULTICLASS -> {
                    sum += crossEntropy(logits.data, i * classes, label);
                    if (predict(o, i) == label) {
                        correct++;
                    } else if (o[i * classes + label] < Metrics.SATURATION) {
                        saturated++;
                    }
                }
                case REGRESSION -> {
                    for (int t = i * targets; t < (i + 1) * targets; t++) {
                        sum += loss.value(o[t], y[t]) / targets; // the mean over targets, as the training loss
                    }
                }
                case PERCEPTRON, ADALINE -> { // a wrong 0/1 answer is not a saturated probability
                    sum += loss.value(o[i], y[i]);
                    if (predict(o, i) == label) {
                        correct++;
                    }
                }
            }
        }
        return new double[] {sum / n, classifies() ? (double) correct / n : Double.NaN, (double) saturated / n};
    }

    /** counts[true class][predicted class] over labelled rows; empty for regression. */
    public int[][] confusion(DMatrixRMaj output, DMatrixRMaj labels) {
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
    public String logitGradientText() {
        return switch (kind) {
            case BINARY -> "dL/dz = dL/d\u0177 \u2299 sigmoid'(z)";
            case MULTICLASS -> "dL/dz = (softmax(z) \u2212 onehot(y)) / batch";
            case REGRESSION -> "dL/dz = dL/d\u0177   (identity: \u0177 = z)";
            case PERCEPTRON -> "\u0394 = \u0177 \u2212 y   (perceptron rule: the step has no slope, its error goes to z as it is)";
            case ADALINE -> "dL/dz = \u22122 (y \u2212 z) / n   (seed 004's code: mean((y \u2212 z)\u00b2), no 1/2)";
        };
    }

    /** "sigmoid + bce", "softmax + ce over 3 classes", "identity + mse", "identity + mse over 2 targets". */
    public String describe() {
        String step = threshold == StepLayer.THRESHOLD ? "" : " at z >= " + dev.backprop.playground.engine.NumberText.short4(threshold);
        return kind == Kind.MULTICLASS
                ? String.format(Locale.ROOT, "softmax + ce over %d classes", classes)
                : outputType() + step + " + " + loss.id() + (targets > 1 ? " over " + targets + " targets" : "");
    }
}
