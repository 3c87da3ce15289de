package dev.backprop.playground.train;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.Checkpoints;
import dev.backprop.playground.io.DatasetCsv;
import dev.backprop.playground.io.ImageSource;
import dev.backprop.playground.io.MetricsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run directory written by {@code train --out} (dataset.csv, metrics.csv, checkpoints/step-N.json;
 * model.json alone when there are no checkpoints; dataset-source.json for pictures written as indexes), read and checked against the app's limits before
 * the session adopts it. Checkpoints hold weights only: resuming from one starts a fresh optimizer.
 */
record RunRecord(TrainingConfig config, DataSplit data, List<Metrics> history, List<TrainerState> checkpoints) {
    /**
     * Bytes of checkpoint files a run may have; of them only as many as the timeline keeps are read
     * ({@link Timeline#MAX_ENTRIES}, {@link Timeline#MAX_BYTES}), spread evenly over the run, so the heap
     * holds the states the timeline keeps, not all of them.
     */
    static final long MAX_CHECKPOINT_BYTES = 256L << 20;

    /**
     * @param current the session's settings: optimizer, learning rate and batch for a resume
     * @throws IllegalArgumentException saying what is wrong with the directory, never anything else
     */
    static RunRecord read(Path dir, TrainingConfig current) {
        try {
            return readChecked(dir, current);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot open the run in " + dir + ": " + Failures.describe(e), e);
        }
    }

    private static RunRecord readChecked(Path dir, TrainingConfig current) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory");
        }
        Path real = dir.toRealPath();
        for (String name : List.of("dataset.csv", "metrics.csv")) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IllegalArgumentException("no " + name + " (is it a folder written by train --out?)");
            }
            checkInside(real, dir.resolve(name));
        }
        // the app's limit while reading: a million-point file is refused at its 100,001st point
        DataSplit data = DatasetCsv.read(dir.resolve("dataset.csv"), Limits.APP_MAX_SAMPLES);
        // read again only to name the data's kind: DatasetCsv has already rebuilt the pictures from it
        ImageSource pictures = data.all().inputs().isImage() ? ImageSource.readBeside(dir.resolve("dataset.csv")) : null;
        if (data.train().size() == 0) {
            throw new IllegalArgumentException("dataset.csv has no training point");
        }
        List<Metrics> history = MetricsCsv.read(dir.resolve("metrics.csv"));
        if (Files.exists(dir.resolve(Checkpoints.FOLDER))) {
            checkInside(real, dir.resolve(Checkpoints.FOLDER));
        }
        List<Checkpoints.File> files = Checkpoints.list(dir.resolve(Checkpoints.FOLDER));
        if (files.isEmpty() && Files.isRegularFile(dir.resolve("model.json"))) {
            files = List.of(new Checkpoints.File(history.get(history.size() - 1).step(), dir.resolve("model.json")));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no checkpoints/step-N.json and no model.json");
        }
        long total = 0;
        for (Checkpoints.File f : files) {
            checkInside(real, f.path());
            total += Files.size(f.path());
        }
        if (total > MAX_CHECKPOINT_BYTES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the checkpoints take %,d bytes; the app opens at most %,d", total, MAX_CHECKPOINT_BYTES));
        }
        TrainingConfig config = current;
        List<TrainerState> states = new ArrayList<>();
        for (int k = 0, kept = files.size(); k < kept; k++) {
            // the first tells what a state costs: only as many as the timeline keeps are read, evenly spaced
            Checkpoints.File f = files.get(spaced(k, kept, files.size()));
            ModelFiles.Loaded loaded;
            try {
                loaded = ModelFiles.load(f.path(), current.network().init());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(dir.relativize(f.path()) + ": " + e.getMessage(), e);
            }
            if (states.isEmpty()) {
                // the run's data and head, whatever the session had: a spiral-3 run opens in a moons session
                config = current.forPoints(data.all().size(), loaded.spec().head().classes());
                if (pictures != null) {
                    // Fashion-MNIST's pictures keep their garment names
                    config = config.withData(pictures.dataset(), data.all().size(), config.noise(), config.seed(),
                            loaded.spec().head().classes());
                }
            }
            if (ImageSource.holdsIndexes(data) && loaded.spec().features().inputs().size() != 1) {
                throw new IllegalArgumentException("dataset.csv holds image indexes, and there is no " + ImageSource.FILE
                        + " to say where the pictures are (a run written before it: train it again)");
            }
            if (loaded.spec().features().inputs().size() != data.all().width()) {
                throw new IllegalArgumentException(dir.relativize(f.path()) + ": the model takes "
                        + loaded.spec().features().inputs().describe() + ", dataset.csv has " + data.all().inputs().describe());
            }
            try {
                DatasetCsv.checkLabels(data, loaded.spec().head());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dataset.csv does not fit " + dir.relativize(f.path()) + ": "
                        + e.getMessage(), e);
            }
            config = config.withNetwork(loaded.spec());
            states.add(TrainerState.ofWeights(f.step(), loaded.spec(), loaded.network(), current.optimizer(),
                    current.learningRate(), current.batchSize()));
            if (k == 0) {
                kept = (int) Math.min(files.size(), Math.min(Timeline.MAX_ENTRIES,
                        Math.max(2, Timeline.MAX_BYTES / states.get(0).bytes(false))));
            }
        }
        return new RunRecord(config, pictured(data, config.network().features().inputs()), List.copyOf(history),
                List.copyOf(states));
    }

    /**
     * {@code data} as the pictures its model takes when its columns are the model's pixels by name (the
     * digits' dataset.csv holds px0_0 ... px7_7 and no shape; model.json has the 8x8): the gallery shows them.
     */
    static DataSplit pictured(DataSplit data, dev.backprop.playground.engine.data.Inputs model) {
        var all = data.all();
        if (all.inputs().isImage() || !model.isImage() || !model.names().equals(all.inputs().names())) {
            return data;
        }
        return DataSplit.of(new dev.backprop.playground.engine.data.Dataset(all.features(), all.labels(), model), data.isTest());
    }

    /** The {@code k}th of {@code kept} indices spread evenly over {@code 0..n-1}, the first and the last included. */
    static int spaced(int k, int kept, int n) {
        return kept < 2 ? 0 : (int) Math.round((double) k * (n - 1) / (kept - 1));
    }

    /**
     * Refuses {@code file} when it is a link leading out of the run's folder ({@code realDir}): the
     * folder is what the user chose to open, and a refusal must not echo another file's contents.
     */
    private static void checkInside(Path realDir, Path file) throws IOException {
        if (!file.toRealPath().startsWith(realDir)) {
            throw new IllegalArgumentException(realDir.relativize(realDir.resolve(file.getFileName())) + " is a link to a "
                    + "file outside the run's folder");
        }
    }
}
