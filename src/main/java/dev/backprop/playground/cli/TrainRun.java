package dev.backprop.playground.cli;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.nn.TrainingLoop;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.graph.NetworkGraphBuilder;
import dev.backprop.playground.graph.NeuronGraphBuilder;
import dev.backprop.playground.graph.NeuronThumbnails;
import dev.backprop.playground.io.BoundaryPng;
import dev.backprop.playground.io.MetricsCsvWriter;
import dev.backprop.playground.io.Checkpoints;
import dev.backprop.playground.io.ImageSource;
import dev.backprop.playground.io.ModelJson;
import dev.backprop.playground.io.OutputSet;
import dev.backprop.playground.io.RunFiles;
import dev.backprop.playground.io.SamplesPng;
import dev.backprop.playground.io.WeightsPng;
import dev.backprop.playground.graph.SvgExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One headless training run: the shared {@link TrainingLoop}, the summary and the output files. */
final class TrainRun {
    static final int BOUNDARY_PIXELS = 400;
    /**
     * Multiply-adds allowed for boundary.png (pixels x parameters): a 400x400 picture up to 25,000
     * parameters; a bigger network gets fewer pixels so the picture takes seconds, not minutes.
     */
    static final double BOUNDARY_BUDGET = 4e9;
    static final int MIN_BOUNDARY_PIXELS = 32;
    /** The set a run replaces: its files and its checkpoints (an older run's are removed with its files). */
    static final List<String> FILES = List.of("dataset.csv", "metrics.csv", "model.json", "boundary.png",
            "weights.png", "samples.png", "graph.svg", ImageSource.FILE, Checkpoints.FOLDER);

    /** The run's config; by epochs, its steps and snapshot interval follow from the training set's size. */
    private TrainingConfig config;
    private final Path outDir;
    private final PrintWriter stdout;
    private final PrintWriter stderr;
    /** Steps between checkpoints, 0 for none. */
    private final long checkpointEvery;
    /** Which view of the network graph.svg draws. */
    private GraphView graphView = GraphView.TENSORS;
    /** Points and a state to start from (--data, --experiment), or null. */
    private TrainStart start;
    /** Where read data came from, and the dataset's name, or null. */
    private String source;
    private int accumulate = 1;
    private String datasetName;
    /** Where the pictures came from, for a dataset.csv of image indexes; null for other data. */
    private ImageSource imageSource;

    TrainRun(TrainingConfig config, Path outDir, PrintWriter stdout, PrintWriter stderr) {
        this(config, outDir, stdout, stderr, 0);
    }

    TrainRun(TrainingConfig config, Path outDir, PrintWriter stdout, PrintWriter stderr, long checkpointEvery) {
        this.config = config;
        this.outDir = outDir;
        this.stdout = stdout;
        this.stderr = stderr;
        this.checkpointEvery = checkpointEvery;
    }

    /** graph.svg draws this view (tensors by default). */
    TrainRun drawing(GraphView view) {
        graphView = view;
        return this;
    }

    /**
     * Data read rather than generated: the summary names {@code dataset} (the --dataset given, where the
     * config's kind only stands for its class count, as for iris's petal regression) and where it came
     * from ({@code data=...}). Null: generated data.
     */
    TrainRun readFrom(String dataset, String source) {
        this.datasetName = dataset;
        this.source = source;
        return this;
    }

    /** The run's pictures come from {@code source} (null: not a picture set read from files), recorded beside dataset.csv. */
    TrainRun picturesFrom(ImageSource source) {
        this.imageSource = source;
        return this;
    }

    /** Each update sums this many mini-batches' gradients (train --accumulate). */
    TrainRun accumulating(int batches) {
        accumulate = batches;
        return this;
    }

    /** Trains on {@code start}'s points and from its state where it has them (null: from the config). */
    TrainRun startingFrom(TrainStart start) {
        this.start = start;
        return this;
    }

    int execute() {
        OutputSet files = null;
        try {
            Trainer first = firstTrainer();
            if (config.epochs().byEpoch()) {
                try {
                    long from = start != null && start.state() != null ? start.state().step() : 0;
                    config = stepsByEpoch(config, first.stepsPerEpoch(), from);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    stderr.println("--epochs " + config.epochs().count() + ": " + e.getMessage());
                    stderr.flush();
                    return 2;
                }
            }
            // staged from the start: checkpoints are written as the run reaches them
            files = outDir == null ? null : OutputSet.begin(outDir, FILES);
            CheckpointWriter checkpoints = files == null || checkpointEvery <= 0 ? null
                    : new CheckpointWriter(files.staged(Checkpoints.FOLDER), checkpointEvery, config.steps());
            return train(first, files, checkpoints);
        } catch (IOException e) {
            stderr.println("could not write the run's files to " + outDir + ": " + Failures.describe(e));
            stderr.flush();
            return 1;
        } finally {
            if (files != null) {
                files.close();
            }
        }
    }

    /**
     * {@code c} with the steps of its epochs after step {@code from} (an experiment's) and a metrics row per epoch.
     *
     * @throws IllegalArgumentException when the epochs hold more steps than a run can count
     */
    static TrainingConfig stepsByEpoch(TrainingConfig c, long stepsPerEpoch, long from) {
        long steps = Math.addExact(from, Math.multiplyExact(c.epochs().count(), stepsPerEpoch));
        if (stepsPerEpoch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an epoch of " + stepsPerEpoch + " steps is more than a run can report");
        }
        return new TrainingConfig(c.dataset(), c.samples(), c.noise(), c.testRatio(), c.seed(), c.network(),
                c.optimizer(), c.learningRate(), c.batchSize(), steps, (int) stepsPerEpoch, c.classes(),
                c.regularization(), c.regularizationRate(), c.optimizerSettings(), c.epochs());
    }

    private Trainer firstTrainer() {
        return start == null || start.data() == null ? Trainer.fromConfig(config) : new Trainer(start.data(), config);
    }

    private int train(Trainer first, OutputSet files, CheckpointWriter checkpoints) throws IOException {
        if (start != null && start.state() != null) {
            first.restore(start.state());
            // settings given on the command line win over the saved ones; the weights stay
            first.setLearningRate(config.learningRate());
            if (start.state().batchSize() != config.batchSize()) {
                first.setBatchSize(config.batchSize()); // restarts the epoch: only when it changed
            }
            if (start.state().optimizer() != config.optimizer()) {
                first.rebuildOptimizer(config.optimizer());
            }
        }
        first.setAccumulation(accumulate);
        TrainingLoop loop = new TrainingLoop(first, config.snapshotEvery(), System::nanoTime);
        Trainer trainer = loop.trainer();
        boolean perceptron = trainer.network().head().kind() == Head.Kind.PERCEPTRON;
        // rows go to the staged metrics.csv as they come: a long run holds one, not a million
        try (MetricsCsvWriter metrics = files == null ? null : new MetricsCsvWriter(files.staged("metrics.csv"),
                config.epochs().byEpoch() ? config.snapshotEvery() : 0, perceptron)) {
            Metrics last = row(metrics, trainer.evaluate(), trainer);
            ProgressBar progress = new ProgressBar(System.err, config.steps());
            long trainingNanos = 0;
            if (checkpoints != null) {
                checkpoints.writeIfDue(trainer);
            }
            while (trainer.steps() < config.steps() && !loop.diverged()) {
                long t0 = System.nanoTime();
                long measuringBefore = loop.measuringNanos();
                long until = checkpoints == null ? config.steps() : checkpoints.next(trainer.steps());
                // a deadline lets a slow network redraw the progress bar between frames
                TrainingLoop.Advance a = loop.advance(until - trainer.steps(), t0 + 200_000_000L);
                if (a.frame() == null && trainer.steps() == config.steps()) {
                    last = row(metrics, loop.frame(), trainer); // the last row, off the frame grid
                } else if (a.frame() != null) {
                    last = row(metrics, a.frame(), trainer);
                }
                trainingNanos += System.nanoTime() - t0 - (loop.measuringNanos() - measuringBefore);
                progress.update(trainer.steps(), trainer.lastLoss());
                if (checkpoints != null) {
                    checkpoints.writeIfDue(trainer);
                }
            }
            progress.finish();
            if (loop.diverged()) {
                stderr.printf(Locale.ROOT, "diverged at step %d: %s. Try a smaller --lr (now %s).%n",
                        loop.divergedAt(), loop.divergence(), config.learningRate());
            }
            double stepsPerSecond = trainingNanos == 0 ? 0 : trainer.steps() / (trainingNanos / 1e9);
            stdout.println(summary(last, stepsPerSecond, loop.divergedAt()));
            stdout.flush();
            boolean written = files == null || writeFiles(files, trainer, metrics);
            stderr.flush();
            return loop.diverged() || !written ? 1 : 0;
        }
    }

    /** {@code m}, written to metrics.csv when there is one, with the perceptron's updates so far. */
    private static Metrics row(MetricsCsvWriter metrics, Metrics m, Trainer trainer) throws IOException {
        if (metrics != null) {
            metrics.append(m, trainer.mistakes());
        }
        return m;
    }

    private String summary(Metrics m, double stepsPerSecond, long divergedAt) {
        return String.format(Locale.ROOT,
                "dataset=%s net=%s optimizer=%s lr=%s batch=%d steps=%d train_loss=%.4f train_acc=%.4f "
                        + "test_loss=%.4f test_acc=%.4f steps_per_s=%.0f%s",
                datasetName != null ? datasetName : config.dataset().id(), config.network().describe(), config.optimizer().id(), config.learningRate(),
                config.batchSize(), m.step(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(),
                stepsPerSecond, divergedAt >= 0 ? " diverged_at=" + divergedAt : "")
                + (source == null ? "" : " data=" + source.replace(' ', '_'));
    }

    /** Side of boundary.png for a network of {@code parameters}: see {@link #BOUNDARY_BUDGET}. */
    static int boundaryPixels(long parameters) {
        int side = (int) Math.sqrt(BOUNDARY_BUDGET / Math.max(1, parameters));
        return Math.max(MIN_BOUNDARY_PIXELS, Math.min(BOUNDARY_PIXELS, side));
    }

    /** Prints {@code name} on the "writing" line as its file is begun; returns it. */
    private String begin(String name) {
        stderr.print(" " + name);
        stderr.flush();
        return name;
    }

    /** Writes the run's five files as one set: all of them replace the old set, or none does. */
    private boolean writeFiles(OutputSet files, Trainer trainer, MetricsCsvWriter metrics) {
        try {
            // each file's name as it is begun: a wide network's model.json and boundary.png take seconds
            stderr.print("writing the run's files to " + outDir.toAbsolutePath() + ":");
            stderr.flush();
            RunFiles.writeDataset(files.staged(begin("dataset.csv")), trainer.data());
            if (imageSource != null && RunFiles.writesIndexes(trainer.data().all())) {
                // dataset.csv holds indexes: where the pictures are, so the run opens again with them
                imageSource.write(files.staged(begin(ImageSource.FILE)));
            }
            begin("metrics.csv");
            metrics.close(); // its rows were written as the run went
            ModelJson.write(files.staged(begin("model.json")), trainer.network());
            // the boundary colours one output over the plane: several targets get the weights' picture instead
            boolean plane = trainer.network().features().isPlanar() && trainer.data().all().targets() == 1;
            if (plane) {
                int pixels = boundaryPixels(trainer.spec().parameterCount());
                BoundaryPng.write(files.staged(begin("boundary.png")),
                        DecisionGridEvaluator.around(trainer.data().all(), pixels, pixels).evaluate(trainer.network()),
                        trainer.data());
            } else {
                // data off the plane: what the first layer looks for, and how it does on pictures
                List<String> names = config.dataset() == DatasetKind.FASHION ? ImageSets.FASHION_CLASSES : null;
                WeightsPng.write(files.staged(begin("weights.png")), trainer.network(), names);
                if (trainer.data().all().inputs().isImage() && trainer.network().head().classifies()) {
                    Dataset shown = trainer.data().test().size() > 0 ? trainer.data().test() : trainer.data().train();
                    SamplesPng.write(files.staged(begin("samples.png")), trainer.network(), shown, names);
                }
            }
            // the neuron view pictures each unit over the plane: other data gets the tensor view
            GraphModel graph = graphView == GraphView.NEURONS && plane
                    ? NeuronGraphBuilder.build(trainer.network(), trainer.lastBatchFeatures(), trainer.lastBatchLabels(),
                            trainer.lastLoss(), null, new NeuronThumbnails(
                                    DecisionGridEvaluator.equalAspectBounds(trainer.data().all(), 1)).compute(trainer.network()))
                    : NetworkGraphBuilder.build(trainer.network(), trainer.lastBatchFeatures(), trainer.lastBatchLabels(),
                            trainer.lastLoss(), null,
                            config.dataset() == DatasetKind.FASHION ? ImageSets.FASHION_CLASSES : null);
            SvgExport.write(files.staged(begin("graph.svg")), graph);
            files.commit();
            stderr.println();
            stderr.println("wrote " + outDir.toAbsolutePath());
            return true;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // the staged files are removed by close(); an older run's set, if any, is left whole
            stderr.println();
            stderr.println("could not write the run's files to " + outDir + ": " + Failures.describe(e));
            return false;
        }
    }
}
