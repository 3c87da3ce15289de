package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Shuffle;
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
    private SamplingRandom sampling;
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
    private OptimizerSettings optimizerSettings;
    /** By epochs, batch 1 walks the order too (no draw with replacement); without shuffling it keeps the file order. */
    private Epochs epochs;
    private final EpochErrors epochErrors = new EpochErrors();
    private int batchSize;
    private Regularization regularization;
    private double regularizationRate;
    private int cursor;
    private long step;
    private double lastLoss = Double.NaN;
    /** The perceptron's updates so far: examples it misclassified as it met them (seed 004's errors_). */
    private long mistakes;
    /** Training examples the steps so far took, each step at its own batch size: the true epoch count's numerator. */
    private long samplesSeen;

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
        this.epochs = config.epochs();
        if (epochs.byEpoch() && !epochs.shuffle()) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        this.spec = config.network();
        this.network = spec.build(new Random(config.seed() + 1));
        this.optimizerSettings = config.optimizerSettings();
        this.optimizer = config.optimizer().create(network.parameters(), config.learningRate(), optimizerSettings);
        setBatchSize(config.batchSize());
        setRegularization(config.regularization(), config.regularizationRate());
    }

    private static SamplingRandom freshSampling(long seed) {
        return new SamplingRandom(seed ^ 0x5DEECE66DL);
    }

    /** Generates the config's dataset and split from its seed, then builds the trainer. */
    public static Trainer fromConfig(TrainingConfig config) {
        return new Trainer(split(config), config);
    }

    /** The config's dataset, generated and split from its seed (line and quadratic: as their notebooks split them). */
    public static DataSplit split(TrainingConfig config) {
        if (config.dataset().hasOneInput()) {
            return config.dataset().split(config.noise());
        }
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

    /**
     * Training examples the steps so far took: a step of a mini-batch counts its rows, so a batch size
     * changed on the way does not rescale the steps before it (samplesSeen / training set = epochs).
     */
    public long samplesSeen() {
        return samplesSeen;
    }

    /** Whether the training set is walked epoch by epoch (shuffled or in order), not drawn from. */
    public boolean byEpoch() {
        return epochs.byEpoch();
    }

    /** Steps in one pass over the training set at the current batch size. */
    public long stepsPerEpoch() {
        return Epochs.stepsPerEpoch(data.train().size(), batchSize);
    }

    public OptimizerSettings optimizerSettings() {
        return optimizerSettings;
    }

    /** New momentum, betas or eps: a fresh optimizer of the same kind on the current weights. */
    public void setOptimizerSettings(OptimizerSettings settings) {
        Optimizer fresh = optimizer.kind().create(network.parameters(), optimizer.learningRate(), settings);
        optimizerSettings = settings;
        optimizer = fresh;
    }

    /**
     * The perceptron's updates so far in this trainer's life: every example misclassified when a
     * step met it (each such example moved the weights). 0 for the other heads.
     */
    public long mistakes() {
        return mistakes;
    }

    /** The perceptron's misclassifications per epoch so far (none for the other heads). */
    public EpochErrors.View epochErrors() {
        return epochErrors.view();
    }

    /** Mean data loss of the last step's batch (the penalty not included). */
    public double lastLoss() {
        return lastLoss;
    }

    /** The inputs of the last step's batch (rows x d). */
    public DMatrixRMaj lastBatchFeatures() {
        return batchX;
    }

    /** The labels of the last step's batch (rows x 1, or rows x k targets). */
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

    /**
     * Training by epochs from now on (walking the set, shuffled at each epoch or in file order), or
     * by steps ({@link Epochs#NONE}); the next step begins a fresh pass.
     */
    public void setEpochs(Epochs next) {
        epochs = next;
        if (epochs.byEpoch() && !epochs.shuffle()) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        cursor = 0;
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
        Optimizer fresh = kind.create(net.parameters(), optimizer.learningRate(), optimizerSettings);
        spec = netSpec;
        network = net;
        optimizer = fresh;
    }

    /** A fresh optimizer of {@code kind} on the current weights, same learning rate. */
    public void rebuildOptimizer(OptimizerKind kind) {
        optimizer = kind.create(network.parameters(), optimizer.learningRate(), optimizerSettings);
    }

    /**
     * A forward pass on the first training example without learning, so a fresh network has real
     * values to show (its gradients stay unknown until the first step).
     */
    public void previewForward() {
        batchX.reshape(1, data.all().width());
        batchY.reshape(1, data.all().targets());
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
     * The last batch's forward and backward pass again under the weights as they are now (after the
     * step's update), so the values and gradients a graph shows are those of the weights it shows.
     * Like {@link #trace} it changes nothing a later step reads (the next step overwrites every cache);
     * {@link #lastLoss()} stays the step's own.
     *
     * @return the batch's loss under the current weights
     */
    public double repass() {
        DMatrixRMaj out = network.forward(batchX);
        double loss = network.computeLoss(out, batchY);
        network.backward();
        return loss;
    }

    /**
     * {@link #previewForward} and the backward pass on that example: a restored (scrubbed) state shows
     * the gradients of the example it names, not those the last step left. Like {@link #trace} it
     * changes nothing a later step reads. No training point: the forward pass only.
     */
    public void previewPass() {
        previewForward();
        if (data.train().size() > 0) {
            network.backward();
        }
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

    /**
     * As {@link #trace(double, double, double)} for row {@code row} of {@link DataSplit#all()}, whatever
     * its width: a picture traced from the gallery, a row of a table.
     *
     * @return the example's loss
     */
    public double traceRow(int row) {
        beginStepOnRow(row);
        DMatrixRMaj out = network.forward(batchX);
        double loss = network.computeLoss(out, batchY);
        network.backward();
        return loss;
    }

    /** The first part of a step on row {@code row} of {@link DataSplit#all()} (batch 1) instead of the next batch. */
    void beginStepOnRow(int row) {
        if (row < 0 || row >= data.all().size()) {
            throw new IllegalArgumentException("there are " + data.all().size() + " points, no point " + row);
        }
        batchX.reshape(1, data.all().width());
        batchY.reshape(1, data.all().targets());
        copyRow(data.all(), row, 0);
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
                optimizer.learningRate(), batchSize, sampling.state(), sameOrder, cursor, lastLoss, samplesSeen);
    }

    /**
     * Puts this trainer back in {@code state} (a state of a trainer on the same data): weights,
     * optimizer and its state, sampling, batch and step count. A state of another shape gets a
     * network of that shape. Everything is built before anything is replaced.
     */
    public void restore(TrainerState state) {
        Sequential net = state.spec().equals(spec) ? network : state.spec().build(new Random(0));
        Optimizer opt = state.optimizer().create(net.parameters(), state.learningRate(), optimizerSettings);
        opt.restoreState(state.optimizerState());
        SamplingRandom rng = state.sampling() == null ? freshSampling(seed) : SamplingRandom.of(state.sampling());
        if (state.order() != null && state.order().length != order.length) {
            throw new IllegalArgumentException("a state of a trainer on other data");
        }
        if (state.cursor() < 0 || state.cursor() > order.length) {
            throw new IllegalArgumentException("the cursor " + state.cursor() + " is not a place in the epoch (0 to "
                    + order.length + ")");
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
        samplesSeen = state.samplesSeen() >= 0 ? state.samplesSeen()
                : step * Math.min(state.batchSize(), Math.max(1, data.train().size())); // a file does not say
        lastLoss = state.lastLoss();
        epochErrors.truncate(step);
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
        long updates = 0;
        if (network.head().countsMistakes() && Double.isFinite(loss)) {
            updates = Math.round(loss * batchY.numRows); // the loss is the batch's share misclassified
            mistakes += updates;
        }
        regularization.addGradient(network, regularizationRate);
        optimizer.step();
        lastLoss = loss;
        step++;
        samplesSeen += (long) batchY.numRows * (accumulation == null ? 1 : accumulation.batches());
        if (network.head().countsMistakes()) {
            epochErrors.stepped(step, batchY.numRows, updates, data.train().size());
        }
    }

    private void fillBatch() {
        Dataset train = data.train();
        int n = train.size();
        if (batchSize == 1 && !epochs.byEpoch()) {
            batchX.reshape(1, train.width());
            batchY.reshape(1, train.targets());
            copyRow(train, sampling.nextInt(n), 0);
            return;
        }
        if (batchSize >= n) {
            copyRows(train, order, 0, n);
            return;
        }
        if (cursor >= n) {
            if (!epochs.byEpoch() || epochs.shuffle()) {
                Shuffle.shuffle(order, sampling);
            }
            cursor = 0;
        }
        int rows = Math.min(batchSize, n - cursor);
        copyRows(train, order, cursor, rows);
        cursor += rows;
    }

    private void copyRows(Dataset train, int[] rows, int from, int count) {
        batchX.reshape(count, train.width());
        batchY.reshape(count, train.targets());
        for (int k = 0; k < count; k++) {
            copyRow(train, rows[from + k], k);
        }
    }

    /** Row {@code row} of the set into row {@code k} of the batch (d inputs, one label or k targets). */
    private void copyRow(Dataset train, int row, int k) {
        int d = train.width();
        int t = train.targets();
        System.arraycopy(train.features().data, d * row, batchX.data, d * k, d);
        System.arraycopy(train.labels().data, t * row, batchY.data, t * k, t);
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
