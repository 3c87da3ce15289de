package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.data.DatasetKind;

/**
 * Everything that defines a run, seed included, so a run can be repeated exactly. The command
 * line's {@code train} options map one to one onto these fields.
 *
 * @param classes            classes of the data (0 for a regression target); the head must have as many
 * @param regularization     the penalty on the weights
 * @param regularizationRate its rate, 0 to {@link Regularization#MAX_RATE}
 * @param optimizerSettings  the optimizer's momentum, betas and eps
 * @param epochs             training by epochs (then {@code steps} is not used), or {@link Epochs#NONE}: by steps
 */
public record TrainingConfig(
        DatasetKind dataset, int samples, double noise, double testRatio, long seed,
        NetworkSpec network, OptimizerKind optimizer, double learningRate, int batchSize,
        long steps, int snapshotEvery, int classes, Regularization regularization, double regularizationRate,
        OptimizerSettings optimizerSettings, Epochs epochs) {

    /** A run by steps with the optimizer's default hyperparameters. */
    public TrainingConfig(DatasetKind dataset, int samples, double noise, double testRatio, long seed,
                          NetworkSpec network, OptimizerKind optimizer, double learningRate, int batchSize,
                          long steps, int snapshotEvery, int classes, Regularization regularization,
                          double regularizationRate) {
        this(dataset, samples, noise, testRatio, seed, network, optimizer, learningRate, batchSize, steps,
                snapshotEvery, classes, regularization, regularizationRate, OptimizerSettings.DEFAULTS, Epochs.NONE);
    }

    /** A run on the dataset's own class count, without a weight penalty. */
    public TrainingConfig(DatasetKind dataset, int samples, double noise, double testRatio, long seed,
                          NetworkSpec network, OptimizerKind optimizer, double learningRate, int batchSize,
                          long steps, int snapshotEvery) {
        this(dataset, samples, noise, testRatio, seed, network, optimizer, learningRate, batchSize, steps,
                snapshotEvery, dataset == null ? 2 : dataset.defaultClasses(), Regularization.NONE, 0);
    }

    /**
     * Seed 000's run: moons(2000, 0.1), 2-50-1 ReLU, sigmoid + BCE, SGD 0.01, batch 1; but the init
     * is {@code auto}, which learns at any depth, where seed 000's randn saturates the output.
     */
    public static TrainingConfig defaults() {
        return seed000().withNetwork(seed000().network().withInit(Initializer.AUTO));
    }

    /** Seed 000's run exactly, its randn init ({@link Initializer#NORMAL}) included. */
    public static TrainingConfig seed000() {
        return new TrainingConfig(DatasetKind.MOONS, 2000, 0.1, 0.2, 0,
                new NetworkSpec(2, new int[] {50}, Activation.RELU, Loss.BCE, Initializer.NORMAL),
                OptimizerKind.SGD, 0.01, 1, 10_000, 250);
    }

    public TrainingConfig {
        if (samples < 2 || samples > Limits.MAX_SAMPLES) {
            throw new IllegalArgumentException("--samples must be 2 to " + Limits.MAX_SAMPLES + ", got " + samples);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("--noise must be a number >= 0, got " + noise);
        }
        if (!(testRatio >= 0 && testRatio <= 0.9)) {
            throw new IllegalArgumentException("--test-ratio must be in [0, 0.9], got " + testRatio);
        }
        if (samples - Math.round(samples * testRatio) < 1) {
            throw new IllegalArgumentException("--test-ratio " + testRatio + " of " + samples
                    + " points leaves no training point");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
        }
        if (dataset == null || network == null || optimizer == null) {
            throw new IllegalArgumentException("the dataset, the network and the optimizer must be given");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batchSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("--steps must be >= 0, got " + steps);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("--snapshot-every must be at least 1, got " + snapshotEvery);
        }
        if (!dataset.fitsClasses(classes)) {
            dataset.checkClasses(classes); // names what is wrong
        }
        if (regularization == null) {
            throw new IllegalArgumentException("the regularization must be given");
        }
        Regularization.checkRate(regularizationRate);
        if (optimizerSettings == null || epochs == null) {
            throw new IllegalArgumentException("the optimizer's settings and the epochs must be given");
        }
        if (network.trainingProblem() != null) {
            throw new IllegalArgumentException(network.trainingProblem());
        }
        if (network.head().kind() == Head.Kind.PERCEPTRON && optimizer != OptimizerKind.SGD) {
            throw new IllegalArgumentException("the perceptron rule is w += lr (y - y_hat) x, plain steps: use "
                    + "--optimizer sgd, not " + optimizer.id());
        }
        if (network.head().classes() != classes) {
            throw new IllegalArgumentException("--loss " + network.loss().id() + " does not fit " + dataset.id()
                    + (classes == 0 ? " (a regression target: use mse)" : " with " + classes + " classes (use "
                    + Head.defaultLoss(classes).id() + (classes == 2 ? ", mse or ce)" : ")")));
        }
    }

    /** What a network on line or quadratic sees: their one input x. */
    private static final FeatureSet ONE_INPUT = FeatureSet.raw(dev.backprop.playground.engine.data.OneInputData.X);

    /**
     * {@code spec} taking this config's inputs: on line and quadratic their x alone, whatever features
     * it was given (the app's controls send the plane's); elsewhere as it is.
     */
    public NetworkSpec fittingInputs(NetworkSpec spec) {
        return dataset.hasOneInput() && !spec.features().equals(ONE_INPUT) ? spec.withFeatures(ONE_INPUT) : spec;
    }

    /**
     * {@code spec} with a head that fits this config's data: its own if it does, else its loss on
     * these classes if that fits, else the data's default head (the app's controls send a spec
     * without knowing the data's classes).
     */
    public NetworkSpec fitting(NetworkSpec spec) {
        return spec.head().classes() == classes ? spec : spec.withHead(ProblemRules.headFor(spec.loss(), classes));
    }

    public TrainingConfig withRegularization(Regularization kind, double rate) {
        return new TrainingConfig(dataset, samples, noise, testRatio, seed, network, optimizer, learningRate,
                batchSize, steps, snapshotEvery, classes, kind, rate, optimizerSettings, epochs);
    }

    /**
     * New data of {@code newClasses} classes; a head that does not fit them is replaced by the
     * dataset's default (a softmax for iris, an identity for plane), so the run stays consistent.
     */
    public TrainingConfig withData(DatasetKind kind, int n, double noiseLevel, long newSeed, int newClasses) {
        NetworkSpec net = network.withHead(ProblemRules.headOnNewData(network.head(), newClasses));
        if (kind.hasOneInput()) {
            net = net.withFeatures(ONE_INPUT);
        } else if (dataset.hasOneInput() && net.features().equals(ONE_INPUT)) {
            net = net.withFeatures(FeatureSet.RAW); // back on the plane: x1, x2
        }
        return new TrainingConfig(kind, n, noiseLevel, testRatio, newSeed, net, optimizer, learningRate,
                batchSize, steps, snapshotEvery, newClasses, regularization, regularizationRate, optimizerSettings, epochs);
    }

    /**
     * The config for {@code points} points of {@code newClasses} classes that come from a file or
     * from edits, not from a generator: the dataset kind then only stands for the class count (kept
     * when it fits; else blobs, which takes 2 to 6 classes, or plane for regression targets).
     */
    public TrainingConfig forPoints(int points, int newClasses) {
        DatasetKind kind = dataset.takesClassCount() ? (newClasses >= 2 ? dataset : DatasetKind.PLANE)
                : dataset.defaultClasses() == newClasses ? dataset
                : newClasses == 0 ? DatasetKind.PLANE : DatasetKind.BLOBS;
        return withData(kind, Math.max(2, points), noise, seed, newClasses);
    }

    public TrainingConfig withNetwork(NetworkSpec n) {
        return new TrainingConfig(dataset, samples, noise, testRatio, seed, n, optimizer, learningRate,
                batchSize, steps, snapshotEvery, classes, regularization, regularizationRate, optimizerSettings, epochs);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(dataset, samples, noise, testRatio, seed, network, optimizer, lr,
                batchSize, steps, snapshotEvery, classes, regularization, regularizationRate, optimizerSettings, epochs);
    }

    public TrainingConfig withOptimizer(OptimizerKind o) {
        return new TrainingConfig(dataset, samples, noise, testRatio, seed, network, o, learningRate,
                batchSize, steps, snapshotEvery, classes, regularization, regularizationRate, optimizerSettings, epochs);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(dataset, samples, noise, testRatio, seed, network, optimizer, learningRate,
                b, steps, snapshotEvery, classes, regularization, regularizationRate, optimizerSettings, epochs);
    }

    public TrainingConfig withOptimizerSettings(OptimizerSettings settings) {
        return new TrainingConfig(dataset, samples, noise, testRatio, seed, network, optimizer, learningRate,
                batchSize, steps, snapshotEvery, classes, regularization, regularizationRate, settings, epochs);
    }

    public TrainingConfig withEpochs(Epochs e) {
        return new TrainingConfig(dataset, samples, noise, testRatio, seed, network, optimizer, learningRate,
                batchSize, steps, snapshotEvery, classes, regularization, regularizationRate, optimizerSettings, e);
    }

    /** New data of the dataset's own class count (2 for spiral and blobs). */
    public TrainingConfig withData(DatasetKind kind, int n, double noiseLevel, long newSeed) {
        return withData(kind, n, noiseLevel, newSeed, ProblemRules.classesFor(kind, classes));
    }
}
