package dev.backprop.playground.cli;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.io.PointsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: trains a network headless and writes the run's files. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network headless. Progress goes to stderr, one summary line to stdout.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained", "1:the run diverged (NaN/Inf loss) or a file could not be written",
                        "2:bad arguments"})
public final class TrainCommand implements Callable<Integer> {
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",",
            description = "hidden layer sizes, e.g. 50 or 16,16; 0 for no hidden layer (default: 50)")
    int[] hidden = DEFAULTS.network().hidden();

    @Option(names = "--activation", paramLabel = "NAME", converter = ActivationConverter.class,
            description = "relu, tanh, sigmoid or identity for hidden layers (default: relu)")
    Activation activation = DEFAULTS.network().activation();

    @Option(names = "--loss", paramLabel = "NAME", converter = LossConverter.class,
            description = "bce (sigmoid output), ce (softmax over the classes) or mse (sigmoid output for 2 classes, "
                    + "identity for regression) (default: bce for 2 classes, ce for more, mse for regression)")
    Loss loss;

    @Option(names = "--features", paramLabel = "F[,F...]", split = ",",
            description = "input features, any of x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2 (default: x1,x2)")
    List<String> features = FeatureSet.RAW.idList();

    @Option(names = "--reg", paramLabel = "NAME", converter = RegularizationConverter.class,
            description = "penalty on the weights: none, l1 or l2 (default: none)")
    Regularization regularization = Regularization.NONE;

    @Option(names = "--reg-rate", paramLabel = "R",
            description = "the penalty's rate, 0 to 10: l2 adds R/2 sum w^2, l1 R sum |w| (default: 0.001 with --reg)")
    Double regularizationRate;

    @Option(names = "--init", paramLabel = "NAME", converter = InitConverter.class,
            description = "normal (randn), xavier or he (default: normal)")
    Initializer init = DEFAULTS.network().init();

    @Option(names = "--optimizer", paramLabel = "NAME", converter = OptimizerConverter.class,
            description = "sgd, momentum or adam (default: sgd)")
    OptimizerKind optimizer = DEFAULTS.optimizer();

    @Option(names = "--lr", paramLabel = "X", description = "learning rate, > 0 (default: 0.01)")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--batch", paramLabel = "N",
            description = "examples per step; 1 picks a random example each step (default: 1)")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--steps", paramLabel = "N", description = "optimizer steps (default: 10000)")
    long steps = DEFAULTS.steps();

    @Option(names = "--snapshot-every", paramLabel = "N",
            description = "steps between metrics rows and boundary frames (default: 250)")
    int snapshotEvery = DEFAULTS.snapshotEvery();

    @Option(names = "--graph", paramLabel = "VIEW", converter = GraphViewConverter.class,
            description = "what graph.svg draws: tensors (x, W1, matmul ...) or neurons (one node per unit, "
                    + "its picture over the plane, weights on the edges) (default: tensors)")
    GraphView graphView = GraphView.TENSORS;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "with --out: write the weights at step 0, every N steps and the last step as "
                    + "checkpoints/step-<N>.json (model.json format), at most 10,000 files")
    Long checkpointEvery;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "train on the points of a CSV file with a header: label (class indexes 0..K-1, K up to 10, "
                    + "or, if not, one regression target) or y / y1..yk (k up to 16 regression targets), optionally "
                    + "split (train or test; without it --test-ratio picks the test points), and every other column "
                    + "an input (up to 1,024), named by its header; at most 1,000,000 points")
    Path dataFile;

    @Option(names = "--experiment", paramLabel = "FILE",
            description = "start from an experiment file (.bpg.json, saved by the app): its settings, data, weights "
                    + "and optimizer state; options given here override it (a changed network or data starts from "
                    + "fresh weights); --steps counts the steps taken from its step (default: its own steps setting)")
    Path experimentFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write dataset.csv, metrics.csv, model.json, boundary.png and graph.svg here (data that is not "
                    + "the plane's two inputs has no boundary.png)")
    Path out;

    @Override
    public Integer call() {
        if (spec.commandLine().getParseResult().matchedOption("--hidden") != null
                && spec.commandLine().getParseResult().matchedOption("--hidden").originalStringValues().size() > 1) {
            // picocli appends repeated array options: --hidden 5 --hidden 6 would silently build 2-5-6-1
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden is given more than once: "
                    + "give every size in one, e.g. --hidden 5,6");
        }
        if (hidden.length == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden needs at least one size");
        }
        TrainingConfig config;
        TrainStart start = null;
        ImageSets.Loaded loaded = null;
        try {
            PointsCsv.Points own = dataFile == null ? null : ownPoints();
            loaded = own == null ? DataFiles.load(data, matched("--samples")) : null;
            Dataset read = own != null ? own.all() : loaded != null ? loaded.split().all() : null;
            int classes = own != null ? own.classes() : loaded != null ? DataFiles.classes(loaded, data.dataset)
                    : data.classes();
            DatasetKind kind = data.dataset;
            int samples = data.samples;
            if (read == null) {
                data.dataset.checkClasses(classes);
            } else if (own != null || classes == 0) {
                // the file's points: the dataset kind only stands for their class count
                TrainingConfig standIn = TrainingConfig.defaults().forPoints(read.size(), classes);
                kind = standIn.dataset();
                samples = standIn.samples();
            } else {
                samples = read.size();
            }
            Head head = Head.of(loss != null ? loss : Head.defaultLoss(classes), classes, read == null ? 1 : read.targets());
            FeatureSet inputs = FeatureSet.parse(features).fitting(read == null ? Inputs.PLANE : read.inputs());
            double rate = regularizationRate != null ? regularizationRate
                    : regularization == Regularization.NONE ? 0 : DEFAULT_REG_RATE;
            config = new TrainingConfig(kind, samples, data.noise(), data.testRatio, data.seed,
                    new NetworkSpec(inputs, hiddenLayers(), activation, head, init), optimizer,
                    learningRate, batch, steps, snapshotEvery, classes, regularization, rate);
            DataSplit points = own != null ? TrainStart.split(dataFile, own, data.testRatio, data.seed)
                    : loaded != null ? loaded.split() : null;
            start = experimentFile != null
                    ? TrainStart.overExperiment(experimentFile, spec.commandLine().getParseResult(), config, points,
                            spec.commandLine().getErr())
                    : new TrainStart(config, points, null);
            config = start.config();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the data: " + Failures.describe(e));
        }
        if (checkpointEvery != null) {
            String problem = out == null ? "--checkpoint-every needs --out DIR" : CheckpointWriter.problem(checkpointEvery, steps);
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
        }
        return new TrainRun(config, out, spec.commandLine().getOut(), spec.commandLine().getErr(),
                checkpointEvery == null ? 0 : checkpointEvery).drawing(graphView).startingFrom(start)
                .readFrom(loaded == null ? null : data.dataset.id(), loaded == null ? null : loaded.source()).execute();
    }

    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** --data's points; --dataset, --samples and --noise describe generated data and do not go with it. */
    private PointsCsv.Points ownPoints() {
        for (String generated : List.of("--dataset", "--samples", "--noise")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(generated)) {
                throw new IllegalArgumentException(generated + " describes generated data; --data gives the points");
            }
        }
        return TrainStart.readPoints(dataFile, data.classes, loss);
    }

    /** The rate --reg gets without --reg-rate (TF Playground's default choice). */
    static final double DEFAULT_REG_RATE = 0.001;

    /** --hidden 0 alone is no hidden layer; a 0 among other sizes is an error (from NetworkSpec). */
    private int[] hiddenLayers() {
        return hidden.length == 1 && hidden[0] == 0 ? new int[0] : hidden;
    }

    static final class RegularizationConverter extends PlaygroundCommand.NamedConverter<Regularization> {
        RegularizationConverter() {
            super(Regularization.class, "regularization");
        }
    }

    static final class DatasetConverter extends PlaygroundCommand.NamedConverter<DatasetKind> {
        DatasetConverter() {
            super(DatasetKind.class, "dataset");
        }
    }

    static final class ActivationConverter extends PlaygroundCommand.NamedConverter<Activation> {
        ActivationConverter() {
            super(Activation.class, "activation");
        }
    }

    static final class LossConverter extends PlaygroundCommand.NamedConverter<Loss> {
        LossConverter() {
            super(Loss.class, "loss");
        }
    }

    static final class InitConverter extends PlaygroundCommand.NamedConverter<Initializer> {
        InitConverter() {
            super(Initializer.class, "init");
        }
    }

    static final class GraphViewConverter extends PlaygroundCommand.NamedConverter<GraphView> {
        GraphViewConverter() {
            super(GraphView.class, "graph view");
        }
    }

    static final class OptimizerConverter extends PlaygroundCommand.NamedConverter<OptimizerKind> {
        OptimizerConverter() {
            super(OptimizerKind.class, "optimizer");
        }
    }
}
