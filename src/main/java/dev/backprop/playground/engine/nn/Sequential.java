package dev.backprop.playground.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Layers applied in order, seed 000's Sequential: forward, computeLoss (which saves the loss
 * gradient), backward, step. In front, the {@link FeatureSet} expands each point (x1, x2) into the
 * first layer's inputs; at the end, the last layer is the {@link Head}'s output activation, and the
 * head computes the loss. Buffers grow to the largest batch seen and are reused afterwards.
 */
public final class Sequential {
    private final List<Layer> layers;
    /** The same layers as an array: the hot loops index it, so no iterator is ever allocated. */
    private final Layer[] stages;
    private final Head head;
    private final FeatureSet features;
    private final DMatrixRMaj lossGrad = new DMatrixRMaj(1, 1);
    /** The expanded inputs of the last forward; unused when the features are raw x1, x2. */
    private final DMatrixRMaj expanded = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj blockFeatures = new DMatrixRMaj(1, 1);
    /** Rows per block in {@link #predict}: small enough that a block's activations stay in L2. */
    static final int PREDICT_BLOCK = 256;

    private final DMatrixRMaj blockInput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj blockOutput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj predictA = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj predictB = new DMatrixRMaj(1, 1);
    private final List<Parameter> parameters;
    private DMatrixRMaj lastOutput;
    private DMatrixRMaj lastInputs;

    /**
     * A network on raw x1, x2 whose head follows from its last layer and its loss: softmax is
     * multiclass over its width, identity regression, anything else a binary head.
     */
    public Sequential(List<Layer> layers, Loss loss) {
        this(layers, headOf(layers, loss), FeatureSet.raw(!layers.isEmpty() && layers.get(0) instanceof Linear first
                ? first.inputSize() : 2));
    }

    /** The last layer must be {@code head}'s output layer. */
    public Sequential(List<Layer> layers, Head head, FeatureSet features) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.stages = this.layers.toArray(new Layer[0]);
        this.head = head;
        this.features = features;
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = Collections.unmodifiableList(all);
    }

    private static Head headOf(List<Layer> layers, Loss loss) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        Layer last = layers.get(layers.size() - 1);
        if (last instanceof SoftmaxLayer) {
            int width = 0;
            for (Layer l : layers) {
                width = l.outputSize(width);
            }
            return Head.multiclass(width);
        }
        if (last instanceof ActivationLayer a && a.activation() == Activation.IDENTITY && loss != Loss.ADALINE) {
            int width = 0;
            for (Layer l : layers) {
                width = l.outputSize(width);
            }
            return Head.regression(width);
        }
        return Head.of(loss, 2);
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The same layers as an array, for loops that must not allocate an iterator. Not to be modified. */
    Layer[] stages() {
        return stages;
    }

    public Loss loss() {
        return head.loss();
    }

    public Head head() {
        return head;
    }

    public FeatureSet features() {
        return features;
    }

    /** What the first layer saw in the last forward: the expanded features of the batch. */
    public DMatrixRMaj lastInputs() {
        return lastInputs;
    }

    /** The output layer's input in the last forward: the logits. */
    public DMatrixRMaj lastLogits() {
        return stages[stages.length - 1] instanceof CachingLayer out ? out.input : null;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Weights and biases in all layers together (what one forward pass on a point multiply-adds). */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.value().getNumElements();
        }
        return n;
    }

    /** Output of the last forward (a buffer of the last layer). */
    public DMatrixRMaj lastOutput() {
        return lastOutput;
    }

    /** d loss / d output saved by the last computeLoss. */
    public DMatrixRMaj lossGradient() {
        return lossGrad;
    }

    /** The front stage alone: expands points into the first layer's inputs and keeps them as {@link #lastInputs()}. */
    public DMatrixRMaj expandInputs(DMatrixRMaj x) {
        DMatrixRMaj a = x;
        if (!features.isRaw()) {
            features.expand(x, expanded);
            a = expanded;
        }
        lastInputs = a;
        return a;
    }

    /** Points (rows of x1, x2) in; the features are expanded first. */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj a = expandInputs(x);
        for (Layer stage : stages) {
            a = stage.forward(a);
        }
        lastOutput = a;
        return a;
    }

    /**
     * Mean loss of the last forward's {@code output} against {@code target} over the batch, by the
     * head; saves what backward starts from (already divided by the batch size): d loss / d output,
     * or for the fused softmax head d loss / d logits.
     */
    public double computeLoss(DMatrixRMaj output, DMatrixRMaj target) {
        return head.lossAndGradient(lastLogits(), output, target, lossGrad);
    }

    public void backward() {
        int last = stages.length - 1;
        DMatrixRMaj g = backwardOutput();
        for (int i = last - 1; i >= 1; i--) {
            g = stages[i].backward(g);
        }
        if (last >= 1) {
            // nothing takes d loss / d inputs from the first layer: a Linear leaves it until asked
            if (stages[0] instanceof Linear first) {
                first.backwardParameters(g);
            } else {
                stages[0].backward(g);
            }
        }
    }

    /** The output layer's backward: through its derivative, or taking the fused head's dL/dz as it is. */
    public DMatrixRMaj backwardOutput() {
        Layer out = stages[stages.length - 1];
        return head.fused() ? ((CachingLayer) out).passLogitGradient(lossGrad) : out.backward(lossGrad);
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
        predictUpTo(stages.length, x, output);
    }

    /** The logits (the output layer's input) for points {@code x}. Output: reshaped and filled. */
    public void predictLogits(DMatrixRMaj x, DMatrixRMaj output) {
        predictUpTo(stages.length - 1, x, output);
    }

    private void predictUpTo(int end, DMatrixRMaj x, DMatrixRMaj output) {
        for (int start = 0; start < x.numRows; start += PREDICT_BLOCK) {
            predictBlock(end, x, start, output);
        }
        if (x.numRows == 0) {
            output.reshape(0, head.outputs());
        }
    }

    /**
     * The logits of rows {@code start} to {@code start + PREDICT_BLOCK} of {@code x} into the same rows
     * of {@code output}, exactly as {@link #predictLogits} computes them: a measurement made a block at a
     * time gives the same bits. {@code start} is a multiple of {@link #PREDICT_BLOCK}; block 0 shapes
     * {@code output}.
     */
    public void predictLogitsBlock(DMatrixRMaj x, int start, DMatrixRMaj output) {
        predictBlock(stages.length - 1, x, start, output);
    }

    private void predictBlock(int end, DMatrixRMaj x, int start, DMatrixRMaj output) {
        int cols = x.numCols;
        int rows = Math.min(PREDICT_BLOCK, x.numRows - start);
        blockInput.reshape(rows, cols);
        System.arraycopy(x.data, start * cols, blockInput.data, 0, rows * cols);
        DMatrixRMaj in = blockInput;
        if (!features.isRaw()) {
            features.expand(blockInput, blockFeatures);
            in = blockFeatures;
        }
        if (end == 0) {
            blockOutput.reshape(in.numRows, in.numCols);
            System.arraycopy(in.data, 0, blockOutput.data, 0, in.getNumElements());
        } else {
            predictRange(0, end, in, blockOutput);
        }
        if (start == 0) {
            output.reshape(x.numRows, blockOutput.numCols);
        }
        System.arraycopy(blockOutput.data, 0, output.data, start * blockOutput.numCols, rows * blockOutput.numCols);
    }

    /**
     * Inference from stage {@code first} on: {@code input} is what stage {@code first} receives
     * (not one of this network's buffers). Output: reshaped and filled.
     */
    public void predictFrom(int first, DMatrixRMaj input, DMatrixRMaj output) {
        predictRange(first, stages.length, input, output);
    }

    private void predictRange(int first, int end, DMatrixRMaj input, DMatrixRMaj output) {
        DMatrixRMaj in = input;
        for (int i = first; i < end; i++) {
            DMatrixRMaj out = i == end - 1 ? output : (in == predictA ? predictB : predictA);
            stages[i].apply(in, out);
            in = out;
        }
    }

    /** Inputs the first layer takes: one per feature. */
    public int inputSize() {
        return features.size();
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
