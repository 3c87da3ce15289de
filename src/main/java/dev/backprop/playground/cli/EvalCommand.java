package dev.backprop.playground.cli;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.DatasetCsv;
import dev.backprop.playground.io.ModelJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eval}: loss and accuracy of a saved model.json on a generated dataset or a CSV file. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the loss and accuracy of a saved model (model.json) on a dataset: generated as train "
                + "generates it (same options, same seed, same points) or read from --data x1,x2,label[,split].",
            "Output: net=2-50-1 points=N loss=L accuracy=A test_points=M test_loss=L test_acc=A"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "1:a file could not be read",
                        "2:bad arguments, or a malformed or inconsistent model (model.json: what is wrong)"})
public final class EvalCommand implements Callable<Integer> {
    /**
     * Multiply-adds (points x parameters) eval does at most: about a minute at this machine's rate of a
     * few GFLOP/s; a 4.2M-parameter model on 1M points (4e12) would take an hour.
     */
    static final double MAX_WORK = 2e11;
    /** An eval longer than a second shows a progress bar on stderr. */
    static final long PROGRESS_AFTER_NANOS = 1_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model.json to evaluate")
    Path model;

    @Option(names = "--data", paramLabel = "CSV",
            description = "points from a CSV file x1,x2,label[,split] instead of a generated dataset")
    Path csv;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String conflict = OptionConflicts.inEval(spec.commandLine().getParseResult());
        if (conflict != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), conflict);
        }
        Sequential net;
        NetworkSpec shape;
        DataSplit points;
        try {
            net = ModelJson.read(model);
            shape = describe(net);
            ImageSets.Loaded loaded = csv != null ? null : DataFiles.load(data,
                    spec.commandLine().getParseResult().hasMatchedOption("--samples"));
            points = csv != null ? DatasetCsv.read(csv) : loaded != null ? loaded.split()
                    : Trainer.split(new TrainingConfig(data.dataset, data.samples,
                    data.noise(), data.testRatio, data.seed, shape.withFeatures(FeatureSet.RAW).withHead(
                    dev.backprop.playground.engine.nn.ProblemRules.defaultHead(data.classes(shape.head().classes()))), TrainingConfig.defaults().optimizer(),
                    TrainingConfig.defaults().learningRate(), 1, 0, 1, data.classes(shape.head().classes()), Regularization.NONE, 0));
            checkFits(shape, points);
            DatasetCsv.checkLabels(points, shape.head());
        } catch (IllegalArgumentException e) {
            err.println(Failures.cut(e.getMessage()));
            return 2;
        } catch (IOException e) {
            err.println("cannot read: " + Failures.describe(e));
            return 1;
        }
        double work = (double) shape.parameterCount() * points.all().size();
        if (work > MAX_WORK) {
            err.println(String.format(Locale.ROOT, "%,d points x %,d parameters is %.2g multiply-adds: eval does at most "
                    + "%.0g (minutes on one core); evaluate a sample of the points", points.all().size(),
                    shape.parameterCount(), work, MAX_WORK));
            return 2;
        }
        // any config whose data fits the model's head: the trainer only measures the adopted network
        int k = shape.head().classes();
        Trainer trainer = new Trainer(points, TrainingConfig.defaults()
                .withData(k == 0 ? DatasetKind.PLANE : DatasetKind.SPIRAL, 2, 0, 0, k).withNetwork(shape));
        trainer.adopt(net, shape);
        ProgressBar progress = new ProgressBar(err, points.all().size() + (long) points.test().size(), "evaluating",
                "point", PROGRESS_AFTER_NANOS);
        double[] all = ChunkedMeasure.measure(trainer, points.all(), progress, 0);
        double[] test = ChunkedMeasure.measure(trainer, points.test(), progress, points.all().size());
        progress.finish();
        out.println(String.format(Locale.ROOT, "net=%s points=%d loss=%.4f accuracy=%.4f test_points=%d "
                        + "test_loss=%.4f test_acc=%.4f", shape.describe(), points.all().size(), all[0], all[1],
                points.test().size(), test[0], test[1]));
        out.flush();
        return 0;
    }

    /** The model must take the data's inputs and give its targets: "model.json: the model takes 64 inputs, the data has 2". */
    private static void checkFits(NetworkSpec shape, DataSplit points) {
        int d = points.all().width();
        if (shape.features().isPlanar() ? d != 2 : shape.inputSize() != d) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "model.json: the model takes %d inputs, the data "
                    + "has %d", shape.features().isPlanar() ? 2 : shape.inputSize(), d));
        }
        int targets = points.all().targets();
        if (!shape.head().classifies() && shape.head().outputs() != targets) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "model.json: the model predicts %d targets, "
                    + "the data has %d", shape.head().outputs(), targets));
        }
    }

    /** The model's shape; one the playground cannot evaluate is a "model.json: ..." error. */
    private static NetworkSpec describe(Sequential net) {
        try {
            return NetworkSpec.describing(net, Initializer.NORMAL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.json: " + e.getMessage(), e);
        }
    }
}
