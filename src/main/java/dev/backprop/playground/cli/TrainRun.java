package dev.backprop.playground.cli;

import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.NetworkGraphBuilder;
import dev.backprop.playground.io.BoundaryPng;
import dev.backprop.playground.io.ModelJson;
import dev.backprop.playground.io.RunFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One headless training run: the loop, the metrics rows, the summary and the output files. */
final class TrainRun {
    static final int BOUNDARY_PIXELS = 400;

    private final TrainingConfig config;
    private final Path outDir;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    TrainRun(TrainingConfig config, Path outDir, PrintWriter stdout, PrintWriter stderr) {
        this.config = config;
        this.outDir = outDir;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int execute() {
        Trainer trainer = Trainer.fromConfig(config);
        List<Metrics> rows = new ArrayList<>();
        rows.add(trainer.evaluate());
        ProgressBar progress = new ProgressBar(System.err, config.steps());
        long trainingNanos = 0;
        long divergedAt = -1;
        String why = "";
        while (trainer.steps() < config.steps()) {
            long chunk = Math.min(config.snapshotEvery() - trainer.steps() % config.snapshotEvery(),
                    config.steps() - trainer.steps());
            long t0 = System.nanoTime();
            for (long i = 0; i < chunk; i++) {
                if (!Double.isFinite(trainer.step())) {
                    divergedAt = trainer.steps();
                    break;
                }
            }
            trainingNanos += System.nanoTime() - t0;
            boolean last = trainer.steps() == config.steps();
            if (divergedAt >= 0 || trainer.steps() % config.snapshotEvery() == 0 || last) {
                Metrics m = trainer.evaluate();
                rows.add(m);
                if (m.diverged()) {
                    divergedAt = trainer.steps();
                    why = m.divergenceReason();
                } else if (divergedAt >= 0) {
                    why = "the loss of step " + divergedAt + " became " + trainer.lastLoss();
                }
            }
            progress.update(trainer.steps(), trainer.lastLoss());
            if (divergedAt >= 0) {
                break;
            }
        }
        progress.finish();
        if (divergedAt >= 0) {
            stderr.printf(Locale.ROOT, "diverged at step %d: %s. Try a smaller --lr (now %s).%n",
                    divergedAt, why, config.learningRate());
        }
        Metrics last = rows.get(rows.size() - 1);
        double stepsPerSecond = trainingNanos == 0 ? 0 : trainer.steps() / (trainingNanos / 1e9);
        stdout.println(summary(last, stepsPerSecond, divergedAt));
        stdout.flush();
        boolean written = outDir == null || writeFiles(trainer, rows);
        stderr.flush();
        return divergedAt >= 0 || !written ? 1 : 0;
    }

    private String summary(Metrics m, double stepsPerSecond, long divergedAt) {
        return String.format(Locale.ROOT,
                "dataset=%s net=%s optimizer=%s lr=%s batch=%d steps=%d train_loss=%.4f train_acc=%.4f "
                        + "test_loss=%.4f test_acc=%.4f steps_per_s=%.0f%s",
                config.dataset().id(), config.network().describe(), config.optimizer().id(), config.learningRate(),
                config.batchSize(), m.step(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(),
                stepsPerSecond, divergedAt >= 0 ? " diverged_at=" + divergedAt : "");
    }

    private boolean writeFiles(Trainer trainer, List<Metrics> rows) {
        try {
            Files.createDirectories(outDir);
            RunFiles.writeDataset(outDir.resolve("dataset.csv"), trainer.data());
            RunFiles.writeMetrics(outDir.resolve("metrics.csv"), rows);
            ModelJson.write(outDir.resolve("model.json"), trainer.network());
            BoundaryPng.write(outDir.resolve("boundary.png"),
                    DecisionGridEvaluator.around(trainer.data().all(), BOUNDARY_PIXELS, BOUNDARY_PIXELS)
                            .evaluate(trainer.network()),
                    trainer.data());
            GraphModel graph = NetworkGraphBuilder.build(trainer.network(), trainer.lastBatchFeatures(),
                    trainer.lastBatchLabels(), trainer.lastLoss());
            if (GraphFiles.writeSvg(outDir.resolve("graph.svg"), graph, stderr) != 0) {
                return false;
            }
            stderr.println("wrote " + outDir.toAbsolutePath());
            return true;
        } catch (IOException e) {
            stderr.println("could not write to " + outDir + ": " + e);
            return false;
        }
    }
}
