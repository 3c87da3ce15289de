package dev.backprop.playground.cli;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
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
import dev.backprop.playground.io.Checkpoints;
import dev.backprop.playground.io.ModelJson;
import dev.backprop.playground.io.OutputSet;
import dev.backprop.playground.io.RunFiles;
import dev.backprop.playground.io.SamplesPng;
import dev.backprop.playground.io.WeightsPng;
import dev.backprop.playground.graph.SvgExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
            "weights.png", "samples.png", "graph.svg", Checkpoints.FOLDER);

    private final TrainingConfig config;
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
    private String datasetName;

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

    /** Trains on {@code start}'s points and from its state where it has them (null: from the config). */
    TrainRun startingFrom(TrainStart start) {
        this.start = start;
        return this;
    }

    int execute() {
        OutputSet files = null;
        try {
            // staged from the start: checkpoints are written as the run reaches them
            files = outDir == null ? null : OutputSet.begin(outDir, FILES);
            CheckpointWriter checkpoints = files == null || checkpointEvery <= 0 ? null
                    : new CheckpointWriter(files.staged(Checkpoints.FOLDER), checkpointEvery, config.steps());
            return train(files, checkpoints);
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

    private int train(OutputSet files, CheckpointWriter checkpoints) throws IOException {
        Trainer first = start == null || start.data() == null ? Trainer.fromConfig(config) : new Trainer(start.data(), config);
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
        TrainingLoop loop = new TrainingLoop(first, config.snapshotEvery());
        Trainer trainer = loop.trainer();
        List<Metrics> rows = new ArrayList<>();
        rows.add(trainer.evaluate());
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
                rows.add(loop.frame()); // the last row, off the frame grid
            } else if (a.frame() != null) {
                rows.add(a.frame());
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
        Metrics last = rows.get(rows.size() - 1);
        double stepsPerSecond = trainingNanos == 0 ? 0 : trainer.steps() / (trainingNanos / 1e9);
        stdout.println(summary(last, stepsPerSecond, loop.divergedAt()));
        stdout.flush();
        boolean written = files == null || writeFiles(files, trainer, rows);
        stderr.flush();
        return loop.diverged() || !written ? 1 : 0;
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
    private boolean writeFiles(OutputSet files, Trainer trainer, List<Metrics> rows) {
        try {
            // each file's name as it is begun: a wide network's model.json and boundary.png take seconds
            stderr.print("writing the run's files to " + outDir.toAbsolutePath() + ":");
            stderr.flush();
            RunFiles.writeDataset(files.staged(begin("dataset.csv")), trainer.data());
            RunFiles.writeMetrics(files.staged(begin("metrics.csv")), rows);
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
                            trainer.lastLoss());
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
