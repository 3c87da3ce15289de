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
import dev.backprop.playground.engine.nn.GradientAccumulation;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.OptimizerSettings;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.io.ImageSource;
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
            description = "bce (sigmoid output), ce (softmax over the classes), mse (sigmoid output for 2 classes, "
                    + "identity for regression), or seed 004's single neurons with --hidden 0: perceptron (unit step at "
                    + "0.5, the perceptron rule, --optimizer sgd) and adaline (identity, mean (y - z)^2, class 1 at z >= 0.5) "
                    + "(default: bce for 2 classes, ce for more, mse for regression)")
    Loss loss;

    @Option(names = "--threshold", paramLabel = "T",
            description = "where the perceptron's step rises: class 1 when z >= T, -1000 to 1000; 0 is the textbook "
                    + "form, the bias standing for -T (default: 0.5, seed 004's th)")
    Double threshold;

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
            description = "auto (He for relu, Xavier otherwise), normal (std 1 with drawn biases, seed 000), "
                    + "normal:SIGMA (e.g. normal:0.01, seeds 002 and 004), uniform:A (U(-A, A), micrograd's uniform:1), "
                    + "zeros, xavier or he; SIGMA and A above 0 and at most 100 (default: auto)")
    Initializer init = DEFAULTS.network().init();

    @Option(names = "--bias-init", paramLabel = "zeros|same",
            description = "zeros, or same: drawn like the weights (default: same for normal, zeros for the others)")
    String biasInit;

    @Option(names = "--optimizer", paramLabel = "NAME", converter = OptimizerConverter.class,
            description = "sgd, momentum, rmsprop, adagrad or adam, with torch.optim's update rules (default: sgd)")
    OptimizerKind optimizer = DEFAULTS.optimizer();

    @Option(names = "--momentum", paramLabel = "M",
            description = "momentum's mu, 0 to 0.999: v <- M v + g; p <- p - lr v (default: 0.9)")
    double momentum = DEFAULTS.optimizerSettings().momentum();

    @Option(names = "--beta1", paramLabel = "B", description = "adam's first-moment decay, 0 to below 1 (default: 0.9)")
    double beta1 = DEFAULTS.optimizerSettings().beta1();

    @Option(names = "--beta2", paramLabel = "B", description = "adam's second-moment decay, 0 to below 1 (default: 0.999)")
    double beta2 = DEFAULTS.optimizerSettings().beta2();

    @Option(names = "--eps", paramLabel = "E",
            description = "the eps of adam, rmsprop and adagrad, above 0 and at most 1 "
                    + "(default: torch's, 1e-8 for adam and rmsprop, 1e-10 for adagrad)")
    Double eps;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate, > 0 (default: 0.01)")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--batch", paramLabel = "N",
            description = "examples per step; 1 picks a random example each step (default: 1)")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--steps", paramLabel = "N", description = "optimizer steps (default: 10000)")
    long steps = DEFAULTS.steps();

    @Option(names = "--epochs", paramLabel = "N",
            description = "instead of --steps: N passes over the training set in batches of --batch, one metrics.csv "
                    + "row per epoch with an epoch column (1 to 1,000,000)")
    Long epochs;

    @Option(names = "--shuffle", paramLabel = "epoch|none",
            description = "with --epochs: epoch walks a fresh permutation each epoch, none the file order as seed 004's "
                    + "Perceptron does (default: epoch)")
    String shuffle;

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

    @Option(names = "--accumulate", paramLabel = "N", defaultValue = "1",
            description = "sum the gradients of N mini-batches into each update (gradient accumulation; the update uses "
                    + "their mean, so --accumulate 4 --batch 8 steps as --batch 32 does); 1 to "
                    + GradientAccumulation.MAX_BATCHES + ", default 1")
    int accumulate;

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
                    + "the plane's two inputs has no boundary.png but weights.png and samples.png; pictures of more than 64 "
                    + "pixels are written as their indexes, with dataset-source.json saying where they are)")
    Path out;

    @Override
    public Integer call() {
        if (spec.commandLine().getParseResult().matchedOption("--hidden") != null
                && spec.commandLine().getParseResult().matchedOption("--hidden").originalStringValues().size() > 1) {
            // picocli appends repeated array options: --hidden 5 --hidden 6 would silently build 2-5-6-1
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden is given more than once: "
                    + "give every size in one, e.g. --hidden 5,6");
        }
        if (accumulate < 1 || accumulate > GradientAccumulation.MAX_BATCHES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--accumulate is 1 to "
                    + GradientAccumulation.MAX_BATCHES + " mini-batches, not " + accumulate);
        }
        String conflict = OptionConflicts.inTrain(spec.commandLine().getParseResult(), data.dataset, data.samples,
                regularization);
        if (conflict != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), conflict);
        }
        if (hidden.length == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden needs at least one size");
        }
        TrainingConfig config;
        TrainStart start = null;
        ImageSets.Loaded loaded = null;
        try {
            Epochs plan = EpochOptions.plan(epochs, shuffle, spec.commandLine().getParseResult().hasMatchedOption("--steps"));
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
            if (threshold != null) {
                if (head.kind() != Head.Kind.PERCEPTRON) {
                    throw new IllegalArgumentException("--threshold is where the perceptron's step rises: give "
                            + "--loss perceptron with it");
                }
                head = head.withThreshold(threshold);
            }
            FeatureSet inputs = FeatureSet.parse(features).fitting(read == null ? Inputs.PLANE : read.inputs());
            double rate = regularizationRate != null ? regularizationRate
                    : regularization == Regularization.NONE ? 0 : DEFAULT_REG_RATE;
            config = new TrainingConfig(kind, samples, data.noise(), data.testRatio, data.seed,
                    new NetworkSpec(inputs, hiddenLayers(), activation, head, initWithBias()), optimizer,
                    learningRate, batch, steps, snapshotEvery, classes, regularization, rate,
                    new OptimizerSettings(momentum, beta1, beta2, EpochOptions.eps(eps)), plan);
            DataSplit points = own != null ? TrainStart.split(dataFile, own, data.testRatio, data.seed)
                    : loaded != null ? loaded.split() : null;
            start = experimentFile != null
                    ? TrainStart.overExperiment(experimentFile, spec.commandLine().getParseResult(), config, points,
                            spec.commandLine().getErr())
                    : new TrainStart(config, points, null);
            config = start.config();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Failures.cut(e.getMessage()));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the data: " + Failures.describe(e));
        }
        // the limits against the values in force: an experiment's steps, counted from its step
        long toTake = config.steps() - (start.state() == null ? 0 : start.state().step());
        String problem = MetricsRows.problem(toTake, config.snapshotEvery());
        if (problem == null && checkpointEvery != null) {
            problem = out == null ? "--checkpoint-every needs --out DIR" : CheckpointWriter.problem(checkpointEvery, toTake);
        }
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        return new TrainRun(config, out, spec.commandLine().getOut(), spec.commandLine().getErr(),
                checkpointEvery == null ? 0 : checkpointEvery).drawing(graphView).startingFrom(start)
                .readFrom(loaded == null ? null : data.dataset.id(), loaded == null ? null : loaded.source())
                // the loaded pictures, unless an experiment brought points of its own
                .picturesFrom(loaded == null || start.data() != loaded.split() ? null
                        : ImageSource.of(data.dataset, loaded, matched("--samples") ? data.samples : null))
                .accumulating(accumulate).execute();
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

    /** --init with --bias-init laid over its own bias rule. */
    private Initializer initWithBias() {
        return biasInit == null ? init : init.withBias(Initializer.BiasInit.fromId(biasInit));
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

    static final class InitConverter implements CommandLine.ITypeConverter<Initializer> {
        @Override
        public Initializer convert(String value) {
            try {
                return Initializer.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
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
