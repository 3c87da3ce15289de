package dev.backprop.playground.cli;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.nio.file.Path;
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
            description = "hidden layer sizes, e.g. 50 or 16,16 (default: 50)")
    int[] hidden = DEFAULTS.network().hidden();

    @Option(names = "--activation", paramLabel = "NAME", converter = ActivationConverter.class,
            description = "relu, tanh or sigmoid for hidden layers (default: relu)")
    Activation activation = DEFAULTS.network().activation();

    @Option(names = "--loss", paramLabel = "NAME", converter = LossConverter.class,
            description = "bce or mse, on a sigmoid output (default: bce)")
    Loss loss = DEFAULTS.network().loss();

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

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "with --out: write the weights at step 0, every N steps and the last step as "
                    + "checkpoints/step-<N>.json (model.json format), at most 10,000 files")
    Long checkpointEvery;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write dataset.csv, metrics.csv, model.json, boundary.png and graph.svg here")
    Path out;

    @Override
    public Integer call() {
        if (spec.commandLine().getParseResult().matchedOption("--hidden") != null
                && spec.commandLine().getParseResult().matchedOption("--hidden").originalStringValues().size() > 1) {
            // picocli appends repeated array options: --hidden 5 --hidden 6 would silently build 2-5-6-1
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden is given more than once: "
                    + "give every size in one, e.g. --hidden 5,6");
        }
        TrainingConfig config;
        try {
            config = new TrainingConfig(data.dataset, data.samples, data.noise, data.testRatio, data.seed,
                    new NetworkSpec(2, hidden, activation, loss, init), optimizer, learningRate, batch, steps,
                    snapshotEvery);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (hidden.length == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden needs at least one size");
        }
        if (checkpointEvery != null) {
            String problem = out == null ? "--checkpoint-every needs --out DIR" : CheckpointWriter.problem(checkpointEvery, steps);
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
        }
        return new TrainRun(config, out, spec.commandLine().getOut(), spec.commandLine().getErr(),
                checkpointEvery == null ? 0 : checkpointEvery).execute();
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

    static final class OptimizerConverter extends PlaygroundCommand.NamedConverter<OptimizerKind> {
        OptimizerConverter() {
            super(OptimizerKind.class, "optimizer");
        }
    }
}
