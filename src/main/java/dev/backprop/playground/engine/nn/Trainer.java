package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Shuffle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a {@link Sequential} on a data split, one optimizer step at a time, and measures it.
 * Batch 1 is seed 000's per-sample SGD (a random example each step); a batch of N walks shuffled
 * mini-batches epoch by epoch; N at least the training set size is full-batch gradient descent.
 * All buffers are allocated here, so {@link #step()} allocates nothing. Not thread-safe: one
 * thread (the engine thread, or the CLI) owns a trainer.
 */
public final class Trainer {
    private final DataSplit data;
    private Random sampling;
    private final long seed;
    private final DMatrixRMaj batchX = new DMatrixRMaj(1, 2);
    /** Null unless updates sum several mini-batches (train --accumulate). */
    private GradientAccumulation accumulation;
    private final DMatrixRMaj batchY = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj evalOutput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj evalLogits = new DMatrixRMaj(1, 1);
    private final int[] order;
    private NetworkSpec spec;
    private Sequential network;
    private Optimizer optimizer;
    private int batchSize;
    private Regularization regularization;
    private double regularizationRate;
    private int cursor;
    private long step;
    private double lastLoss = Double.NaN;

    /**
     * Builds the network from {@code config.network()}, initialized from {@code config.seed()}. The
     * training set may be empty (edit mode's Clear): the network can be shown, not trained; callers
     * do not step it until it has points.
     */
    public Trainer(DataSplit data, TrainingConfig config) {
        this.data = data;
        this.seed = config.seed();
        this.sampling = freshSampling(seed);
        this.order = Shuffle.permutation(data.train().size(), sampling);
        this.spec = config.network();
        this.network = spec.build(new Random(config.seed() + 1));
        this.optimizer = config.optimizer().create(network.parameters(), config.learningRate());
        setBatchSize(config.batchSize());
        setRegularization(config.regularization(), config.regularizationRate());
    }

    private static Random freshSampling(long seed) {
        return new Random(seed ^ 0x5DEECE66DL);
    }

    /** Generates the config's dataset and split from its seed, then builds the trainer. */
    public static Trainer fromConfig(TrainingConfig config) {
        return new Trainer(split(config), config);
    }

    /** The config's dataset, generated and split from its seed. */
    public static DataSplit split(TrainingConfig config) {
        Random random = new Random(config.seed());
        Dataset all = config.dataset().generate(config.samples(), config.noise(), config.classes(), random);
        return DataSplit.of(all, config.testRatio(), random);
    }

    public DataSplit data() {
        return data;
    }

    public Sequential network() {
        return network;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Steps taken so far. */
    public long steps() {
        return step;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Mean data loss of the last step's batch (the penalty not included). */
    public double lastLoss() {
        return lastLoss;
    }

    /** The inputs of the last step's batch (rows x 2). */
    public DMatrixRMaj lastBatchFeatures() {
        return batchX;
    }

    /** The labels of the last step's batch (rows x 1). */
    public DMatrixRMaj lastBatchLabels() {
        return batchY;
    }

    /** The penalty on the weights from the next step on; the weights are kept. */
    public void setRegularization(Regularization kind, double rate) {
        Regularization.checkRate(rate);
        regularization = kind;
        regularizationRate = rate;
    }

    public Regularization regularization() {
        return regularization;
    }

    public double regularizationRate() {
        return regularizationRate;
    }

    /** The penalty term of the current weights: rate · Σ penalty(w), 0 without regularization. */
    public double penalty() {
        return regularization.of(network, regularizationRate);
    }

    public void setLearningRate(double learningRate) {
        optimizer.setLearningRate(learningRate);
    }

    public void setBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        batchSize = Math.max(1, Math.min(size, data.train().size())); // at least 1: an empty set gets points later
        cursor = 0;
    }

    /**
     * Replaces the network with a freshly initialized one of shape {@code newSpec} and a new
     * optimizer of the same kind and learning rate. The step count goes on.
     */
    public void rebuild(NetworkSpec newSpec, OptimizerKind kind, Random init) {
        adopt(newSpec.build(init), newSpec, kind);
    }

    /** Trains {@code net} (of shape {@code netSpec}) from now on, with a fresh optimizer. */
    public void adopt(Sequential net, NetworkSpec netSpec) {
        adopt(net, netSpec, optimizer.kind());
    }

    /** Builds everything new before assigning any of it: a failure (out of memory) changes nothing. */
    private void adopt(Sequential net, NetworkSpec netSpec, OptimizerKind kind) {
        Optimizer fresh = kind.create(net.parameters(), optimizer.learningRate());
        spec = netSpec;
        network = net;
        optimizer = fresh;
    }

    /** A fresh optimizer of {@code kind} on the current weights, same learning rate. */
    public void rebuildOptimizer(OptimizerKind kind) {
        optimizer = kind.create(network.parameters(), optimizer.learningRate());
    }

    /**
     * A forward pass on the first training example without learning, so a fresh network has real
     * values to show (its gradients stay unknown until the first step).
     */
    public void previewForward() {
        batchX.reshape(1, 2);
        batchY.reshape(1, 1);
        if (data.train().size() > 0) {
            copyRow(data.train(), 0, 0);
        } else { // no point yet: the origin shows the untrained network's values
            batchX.zero();
            batchY.zero();
        }
        network.forward(batchX);
        lastLoss = network.computeLoss(network.lastOutput(), batchY);
    }

    /**
     * One example's forward and backward pass under the current weights, as a batch-1 step on it
     * would make them, without the update: the network's caches and gradients and
     * {@link #lastBatchFeatures()} then describe that example. Changes nothing a later step reads
     * (the next step overwrites every cache), so training goes on exactly as before.
     *
     * @return the example's loss
     */
    public double trace(double x1, double x2, double label) {
        beginStepOn(x1, x2, label);
        DMatrixRMaj out = network.forward(batchX);
        double loss = network.computeLoss(out, batchY);
        network.backward();
        return loss;
    }

    /** The first part of a step on one given example (batch 1) instead of the next batch. */
    void beginStepOn(double x1, double x2, double label) {
        batchX.reshape(1, 2);
        batchY.reshape(1, 1);
        batchX.data[0] = x1;
        batchX.data[1] = x2;
        batchY.data[0] = label;
    }

    /**
     * The state to resume from later; {@code previous} (may be null) lends its mini-batch order when
     * the order has not changed since, so a long history does not hold one copy per snapshot.
     */
    public TrainerState capture(TrainerState previous) {
        int[] sameOrder = previous != null && Arrays.equals(previous.order(), order) ? previous.order() : order.clone();
        return new TrainerState(step, spec, weightsOf(network), optimizer.kind(), optimizer.saveState(),
                optimizer.learningRate(), batchSize, serialize(sampling), sameOrder, cursor, lastLoss);
    }

    /**
     * Puts this trainer back in {@code state} (a state of a trainer on the same data): weights,
     * optimizer and its state, sampling, batch and step count. A state of another shape gets a
     * network of that shape. Everything is built before anything is replaced.
     */
    public void restore(TrainerState state) {
        Sequential net = state.spec().equals(spec) ? network : state.spec().build(new Random(0));
        Optimizer opt = state.optimizer().create(net.parameters(), state.learningRate());
        opt.restoreState(state.optimizerState());
        Random rng = state.sampling() == null ? freshSampling(seed) : deserialize(state.sampling());
        if (state.order() != null && state.order().length != order.length) {
            throw new IllegalArgumentException("a state of a trainer on other data");
        }
        setWeights(net, state.weights());
        spec = state.spec();
        network = net;
        optimizer = opt;
        sampling = rng;
        if (state.order() != null) {
            System.arraycopy(state.order(), 0, order, 0, order.length);
        }
        setBatchSize(state.batchSize());
        cursor = state.cursor();
        step = state.step();
        lastLoss = state.lastLoss();
    }

    /** Every parameter's values, one after the other. */
    static double[] weightsOf(Sequential net) {
        List<Parameter> ps = net.parameters();
        double[] w = new double[Math.toIntExact(net.parameterCount())];
        int at = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.value().data, 0, w, at, p.value().getNumElements());
            at += p.value().getNumElements();
        }
        return w;
    }

    private static void setWeights(Sequential net, double[] w) {
        int at = 0;
        for (Parameter p : net.parameters()) {
            int n = p.value().getNumElements();
            if (at + n > w.length) {
                throw new IllegalArgumentException("the state has " + w.length + " weights, too few for the network");
            }
            System.arraycopy(w, at, p.value().data, 0, n);
            at += n;
        }
        if (at != w.length) {
            throw new IllegalArgumentException("the state has " + w.length + " weights, the network " + at);
        }
    }

    /** java.util.Random keeps its state private; its serialized form holds it whole (about 80 bytes). */
    private static byte[] serialize(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Random deserialize(byte[] state) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            // the bytes may come from a file (an experiment): nothing but a Random may be built from them
            in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(
                    "maxbytes=1024;maxdepth=3;java.util.Random;java.lang.Number;java.util.concurrent.atomic.AtomicLong;!*"));
            return (Random) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sums the gradients of {@code batches} mini-batches into each update from now on (1: one batch
     * per update, the default). See {@link GradientAccumulation}.
     */
    public void setAccumulation(int batches) {
        accumulation = batches == 1 ? null : new GradientAccumulation(this, batches);
    }

    /** One optimizer step on the next batch; returns the batch's mean loss (NaN/Inf if diverged). */
    public double step() {
        if (accumulation != null) {
            return accumulation.step();
        }
        beginStep();
        DMatrixRMaj out = network.forward(batchX);
        double loss = network.computeLoss(out, batchY);
        network.backward();
        finishStep(loss);
        return loss;
    }

    /** The first part of a step: the next batch, as {@link #step()} would take it. */
    void beginStep() {
        fillBatch();
    }

    /** The last part of a step, after forward and backward: the weight penalty's gradient, then the update. */
    void finishStep(double loss) {
        regularization.addGradient(network, regularizationRate);
        optimizer.step();
        lastLoss = loss;
        step++;
    }

    private void fillBatch() {
        Dataset train = data.train();
        int n = train.size();
        if (batchSize == 1) {
            batchX.reshape(1, 2);
            batchY.reshape(1, 1);
            copyRow(train, sampling.nextInt(n), 0);
            return;
        }
        if (batchSize >= n) {
            copyRows(train, order, 0, n);
            return;
        }
        if (cursor >= n) {
            Shuffle.shuffle(order, sampling);
            cursor = 0;
        }
        int rows = Math.min(batchSize, n - cursor);
        copyRows(train, order, cursor, rows);
        cursor += rows;
    }

    private void copyRows(Dataset train, int[] rows, int from, int count) {
        batchX.reshape(count, 2);
        batchY.reshape(count, 1);
        for (int k = 0; k < count; k++) {
            copyRow(train, rows[from + k], k);
        }
    }

    private void copyRow(Dataset train, int row, int k) {
        batchX.data[2 * k] = train.features().data[2 * row];
        batchX.data[2 * k + 1] = train.features().data[2 * row + 1];
        batchY.data[k] = train.labels().data[row];
    }

    /** Loss and accuracy (by the head's prediction rule) on the train and test sets, and the penalty. */
    public Metrics evaluate() {
        double[] train = measure(data.train());
        double[] test = measure(data.test());
        return new Metrics(step, train[0], test[0], train[1], test[1], train[2], penalty());
    }

    /**
     * {@link #evaluate} made a block of points at a time ({@link Evaluation#advanceUntil}), so measuring
     * a wide network need not hold its thread for longer than a frame; the same bits. The network must
     * not change until it is done.
     */
    public Evaluation beginEvaluation() {
        return new Evaluation();
    }

    /** A measurement under way; see {@link #beginEvaluation}. */
    public final class Evaluation {
        private final Dataset[] sets = {data.train(), data.test()};
        private final DMatrixRMaj[] logits = {new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)};
        private final long atStep = step;
        private int set;
        private int start;
        private long nanos;

        private Evaluation() {
        }

        /** Measures blocks of points until {@code deadline} (System.nanoTime) has passed; true once all are done. */
        public boolean advanceUntil(long deadline) {
            long t0 = System.nanoTime();
            try {
                return measureUntil(deadline);
            } finally {
                nanos += System.nanoTime() - t0;
            }
        }

        /** Time spent measuring so far. */
        public long nanos() {
            return nanos;
        }

        private boolean measureUntil(long deadline) {
            while (set < sets.length) {
                boolean computed = start < sets[set].size();
                if (computed) {
                    network.predictLogitsBlock(sets[set].features(), start, logits[set]);
                    start += Sequential.PREDICT_BLOCK;
                }
                if (start >= sets[set].size()) {
                    set++;
                    start = 0;
                }
                if (computed && System.nanoTime() - deadline > 0) {
                    break;
                }
            }
            return set == sets.length;
        }

        /** The metrics, as {@link #evaluate} gives them at the step the measurement began; finishes it first. */
        public Metrics result() {
            long t0 = System.nanoTime();
            while (!measureUntil(Long.MAX_VALUE)) {
                // every block left
            }
            double[] train = measured(0);
            double[] test = measured(1);
            nanos += System.nanoTime() - t0;
            return new Metrics(atStep, train[0], test[0], train[1], test[1], train[2], penalty());
        }

        private double[] measured(int k) {
            if (sets[k].size() == 0) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN};
            }
            network.predictFrom(network.layers().size() - 1, logits[k], evalOutput);
            return network.head().measure(logits[k], evalOutput, sets[k].labels());
        }
    }

    /** counts[true class][predicted class] on {@code set}; empty for regression. */
    public int[][] confusion(Dataset set) {
        network.predict(set.features(), evalOutput);
        return network.head().confusion(evalOutput, set.labels());
    }

    /**
     * {mean loss, accuracy, share predicted wrong with certainty} of the current network on
     * {@code set}; NaNs for an empty set.
     */
    public double[] measure(Dataset set) {
        if (set.size() == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        network.predictLogits(set.features(), evalLogits);
        network.predictFrom(network.layers().size() - 1, evalLogits, evalOutput);
        return network.head().measure(evalLogits, evalOutput, set.labels());
    }
}
