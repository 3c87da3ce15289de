package dev.backprop.playground.engine.nn;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * K logits, softmax, cross-entropy from the logits (log-sum-exp), dL/dz = (softmax(z) − onehot(y)) / batch
 * (fused: the loss hands dL/dz to the logits); the class with the largest probability.
 *
 * @param classes 2 to {@link Head#MAX_CLASSES}
 */
public record MulticlassHead(int classes) implements Head {
    public MulticlassHead {
        Head.require(classes >= 2 && classes <= MAX_CLASSES, "a softmax head has 2 to " + MAX_CLASSES
                + " classes and the ce loss");
    }

    @Override
    public Kind kind() {
        return Kind.MULTICLASS;
    }

    @Override
    public Loss loss() {
        return Loss.CE;
    }

    @Override
    public int outputs() {
        return classes;
    }

    @Override
    public String outputType() {
        return "softmax";
    }

    @Override
    public Layer newOutputLayer() {
        return new SoftmaxLayer();
    }

    @Override
    public boolean fused() {
        return true;
    }

    @Override
    public double lossAndGradient(DMatrixRMaj logits, DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        grad.reshape(output.numRows, output.numCols);
        double[] o = output.data;
        double[] y = target.data;
        double[] g = grad.data;
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

    @Override
    public String describe(double[] output, int r) {
        int c = predict(output, r);
        return String.format(Locale.ROOT, "class %d, P = %.3f", c, output[r * classes + c]);
    }

    @Override
    public int predict(double[] output, int r) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (output[r * classes + c] > output[r * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public double rowLoss(double[] logits, double[] output, double[] labels, int r) {
        return crossEntropy(logits, r * classes, (int) labels[r]);
    }

    @Override
    public boolean wrongForSure(double[] output, int r, int label) {
        return output[r * classes + label] < Metrics.SATURATION;
    }

    @Override
    public String logitGradientText() {
        return "dL/dz = (softmax(z) \u2212 onehot(y)) / batch";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "softmax + ce over %d classes", classes);
    }
}
