package dev.backprop.playground.cli;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import dev.backprop.playground.io.PointsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import picocli.CommandLine.ParseResult;

/**
 * Where a {@code train} run starts when it does not generate its data: the points of
 * {@code --data FILE.csv}, or the whole state of {@code --experiment FILE} with the options given on
 * the command line laid over it.
 *
 * @param data  the points to train on, or null to generate them from the config
 * @param state the trainer's state to go on from, or null for fresh weights from the seed
 */
record TrainStart(TrainingConfig config, DataSplit data, TrainerState state) {
    /** Options that change the data: with any of them an experiment's points and weights are not used. */
    private static final List<String> DATA_OPTIONS = List.of("--dataset", "--samples", "--noise", "--seed",
            "--classes", "--test-ratio", "--data");
    /** Options that change the network's shape: with any of them the experiment's weights are not used. */
    private static final List<String> NETWORK_OPTIONS = List.of("--hidden", "--activation", "--loss", "--features",
            "--init", "--bias-init");

    /** Options that set the optimizer's hyperparameters. */
    private static final List<String> OPTIMIZER_OPTIONS = List.of("--momentum", "--beta1", "--beta2", "--eps");

    /** Most bytes of an experiment file the train command reads (a million points and a big network). */
    static final long MAX_EXPERIMENT_BYTES = 400_000_000L;

    /**
     * Reads {@code file}'s points: up to {@link Limits#MAX_SAMPLES}; class indexes (to {@code classes}
     * when given) or, with {@code --loss mse} or labels that are not class indexes, regression targets.
     */
    static PointsCsv.Points readPoints(Path file, Integer classes, Loss loss) {
        PointsCsv.Points points;
        try {
            points = PointsCsv.read(file, classes != null ? classes : PointsCsv.ANY_LABEL, Limits.MAX_SAMPLES);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + Failures.describe(e), e);
        }
        int k = points.classes();
        if (classes == null && loss == Loss.MSE && k != 2) {
            k = 0; // real targets, even whole-numbered ones
        }
        if (k == 0 && loss != null && loss != Loss.MSE) {
            throw new IllegalArgumentException(file + ": the labels are not all class indexes 0 to "
                    + (dev.backprop.playground.engine.nn.Head.MAX_CLASSES - 1) + " (or the file has y columns), so they "
                    + "are regression targets: use --loss mse");
        }
        return new PointsCsv.Points(points.all(), points.isTest(), k);
    }

    /** The points split by the file's split column, else by {@code testRatio} from {@code seed}. */
    static DataSplit split(Path file, PointsCsv.Points points, double testRatio, long seed) {
        DataSplit split = points.split(testRatio, new Random(seed));
        if (split.train().size() == 0) {
            throw new IllegalArgumentException(file + ": no training point (every point is a test point)");
        }
        return split;
    }

    /**
     * The experiment in {@code file} with the options {@code given} on the command line laid over
     * it ({@code fromOptions}: the config those options make): the data and weights go on unless a
     * given option changes them, and {@code --steps} counts the steps to take from the saved step.
     */
    static TrainStart overExperiment(Path file, ParseResult given, TrainingConfig fromOptions, DataSplit csvData,
                                     java.io.PrintWriter stderr) {
        Experiment e;
        try {
            e = ExperimentFile.read(file, MAX_EXPERIMENT_BYTES, Limits.MAX_SAMPLES);
        } catch (IOException | IllegalArgumentException ex) {
            throw new IllegalArgumentException(file + ": " + Failures.describe(ex), ex);
        }
        TrainingConfig c = e.config();
        boolean newData = DATA_OPTIONS.stream().anyMatch(o -> given.hasMatchedOption(o));
        boolean newNetwork = NETWORK_OPTIONS.stream().anyMatch(o -> given.hasMatchedOption(o));
        if (newData) {
            c = c.withData(fromOptions.dataset(), fromOptions.samples(), fromOptions.noise(), fromOptions.seed(),
                    fromOptions.classes());
            c = new TrainingConfig(c.dataset(), c.samples(), c.noise(), fromOptions.testRatio(), c.seed(), c.network(),
                    c.optimizer(), c.learningRate(), c.batchSize(), c.steps(), c.snapshotEvery(), c.classes(),
                    c.regularization(), c.regularizationRate(), c.optimizerSettings(), c.epochs());
        }
        if (newNetwork || newData && !c.network().equals(e.config().network())) {
            c = c.withNetwork(fromOptions.network());
        }
        if (given.hasMatchedOption("--optimizer")) {
            c = c.withOptimizer(fromOptions.optimizer());
        }
        if (OPTIMIZER_OPTIONS.stream().anyMatch(o -> given.hasMatchedOption(o))) {
            c = c.withOptimizerSettings(fromOptions.optimizerSettings());
        }
        if (given.hasMatchedOption("--epochs")) {
            c = c.withEpochs(fromOptions.epochs());
        }
        if (given.hasMatchedOption("--lr")) {
            c = c.withLearningRate(fromOptions.learningRate());
        }
        if (given.hasMatchedOption("--batch")) {
            c = c.withBatchSize(fromOptions.batchSize());
        }
        if (given.hasMatchedOption("--reg") || given.hasMatchedOption("--reg-rate")) {
            c = c.withRegularization(fromOptions.regularization(), fromOptions.regularizationRate());
        }
        int snapshotEvery = given.hasMatchedOption("--snapshot-every") ? fromOptions.snapshotEvery() : c.snapshotEvery();
        TrainerState state = newData || newNetwork ? null : e.state();
        long from = state == null ? 0 : state.step();
        long steps = given.hasMatchedOption("--steps") ? fromOptions.steps() : c.steps();
        c = new TrainingConfig(c.dataset(), c.samples(), c.noise(), c.testRatio(), c.seed(), c.network(), c.optimizer(),
                c.learningRate(), c.batchSize(), Math.addExact(from, steps), snapshotEvery, c.classes(),
                c.regularization(), c.regularizationRate(), c.optimizerSettings(), c.epochs());
        if (e.state() != null && state == null) {
            stderr.println("the options change the " + (newData ? "data" : "network")
                    + ", so training starts from fresh weights, not the experiment's");
        }
        DataSplit data = csvData != null ? csvData : newData ? null : e.data();
        return new TrainStart(c, data, state);
    }
}
