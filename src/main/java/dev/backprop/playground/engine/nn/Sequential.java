package dev.backprop.playground.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Layers applied in order, seed 000's Sequential: forward, computeLoss (which saves the loss
 * gradient), backward, step. Buffers grow to the largest batch seen and are reused afterwards.
 */
public final class Sequential {
    private final List<Layer> layers;
    /** The same layers as an array: the hot loops index it, so no iterator is ever allocated. */
    private final Layer[] stages;
    private final Loss loss;
    private final DMatrixRMaj lossGrad = new DMatrixRMaj(1, 1);
    /** Rows per block in {@link #predict}: small enough that a block's activations stay in L2. */
    static final int PREDICT_BLOCK = 256;

    private final DMatrixRMaj blockInput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj blockOutput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj predictA = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj predictB = new DMatrixRMaj(1, 1);
    private final List<Parameter> parameters;
    private DMatrixRMaj lastOutput;

    public Sequential(List<Layer> layers, Loss loss) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.stages = this.layers.toArray(new Layer[0]);
        this.loss = loss;
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = Collections.unmodifiableList(all);
    }

    public List<Layer> layers() {
        return layers;
    }

    public Loss loss() {
        return loss;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Output of the last forward (a buffer of the last layer). */
    public DMatrixRMaj lastOutput() {
        return lastOutput;
    }

    /** d loss / d output saved by the last computeLoss. */
    public DMatrixRMaj lossGradient() {
        return lossGrad;
    }

    public DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj a = x;
        for (Layer stage : stages) {
            a = stage.forward(a);
        }
        lastOutput = a;
        return a;
    }

    /**
     * Mean loss of {@code output} against {@code target} over the batch; saves d loss / d output
     * (already divided by the batch size) for {@link #backward()}.
     */
    public double computeLoss(DMatrixRMaj output, DMatrixRMaj target) {
        int n = output.getNumElements();
        lossGrad.reshape(output.numRows, output.numCols);
        double[] o = output.data;
        double[] y = target.data;
        double[] g = lossGrad.data;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += loss.value(o[i], y[i]);
            g[i] = loss.derivative(o[i], y[i]) / n;
        }
        return sum / n;
    }

    public void backward() {
        DMatrixRMaj g = lossGrad;
        for (int i = stages.length - 1; i >= 0; i--) {
            g = stages[i].backward(g);
        }
    }

    /** Seed 000's step: plain gradient descent on every layer. */
    public void step(double learningRate) {
        for (Layer layer : layers) {
            layer.step(learningRate);
        }
    }

    /**
     * Inference on any number of rows, leaving the training caches (and so the graph's view of the
     * last step) untouched. Rows go through in blocks of {@link #PREDICT_BLOCK} so the hidden
     * activations stay in cache: a 200x200 grid is 40,000 rows, whose 50-wide activations would
     * otherwise be 16 MB per layer. Output: reshaped to rows x outputs and filled.
     */
    public void predict(DMatrixRMaj x, DMatrixRMaj output) {
        int cols = x.numCols;
        for (int start = 0; start < x.numRows; start += PREDICT_BLOCK) {
            int rows = Math.min(PREDICT_BLOCK, x.numRows - start);
            blockInput.reshape(rows, cols);
            System.arraycopy(x.data, start * cols, blockInput.data, 0, rows * cols);
            predictFrom(0, blockInput, blockOutput);
            if (start == 0) {
                output.reshape(x.numRows, blockOutput.numCols);
            }
            System.arraycopy(blockOutput.data, 0, output.data, start * blockOutput.numCols, rows * blockOutput.numCols);
        }
        if (x.numRows == 0) {
            output.reshape(0, 1);
        }
    }

    /**
     * Inference from stage {@code first} on: {@code input} is what stage {@code first} receives
     * (not one of this network's buffers). Output: reshaped and filled.
     */
    public void predictFrom(int first, DMatrixRMaj input, DMatrixRMaj output) {
        DMatrixRMaj in = input;
        for (int i = first; i < stages.length; i++) {
            DMatrixRMaj out = i == stages.length - 1 ? output : (in == predictA ? predictB : predictA);
            stages[i].apply(in, out);
            in = out;
        }
    }

    /** Sizes of every layer's output, starting with the input: 2, 50, 50, 1, 1 for 2-50-1. */
    public int[] widths(int inputSize) {
        int[] w = new int[layers.size() + 1];
        w[0] = inputSize;
        for (int i = 0; i < layers.size(); i++) {
            w[i + 1] = layers.get(i).outputSize(w[i]);
        }
        return w;
    }
}
