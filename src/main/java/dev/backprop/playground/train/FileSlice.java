package dev.backprop.playground.train;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import dev.backprop.playground.io.ImageSource;
import dev.backprop.playground.io.PointsCsv;
import dev.backprop.playground.io.RunFiles;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.TrainerState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The files slice of the engine thread: models, points, experiments and runs saved and opened. It
 * owns the model read ahead off the thread and what the last opened experiment shows; everything it
 * opens is checked whole before the session replaces anything ({@link SessionEngine#replace}).
 */
final class FileSlice {
    /** Most bytes of an experiment file the app opens (its data at most {@link Limits#APP_MAX_SAMPLES} points). */
    static final long MAX_EXPERIMENT_BYTES = 64_000_000L;

    private final SessionEngine session;
    /** A model read ahead off this thread for the LoadModel being applied, or null. */
    private ModelFiles.Read readAhead;
    /** What the last opened experiment shows (classroom mode), for the UI. */
    private Snapshot.Shown shown = Snapshot.Shown.NONE;

    FileSlice(SessionEngine session) {
        this.session = session;
    }

    Snapshot.Shown shown() {
        return shown;
    }

    /** The next LoadModel of {@code read}'s file adopts what it read (off this thread) instead of reading. */
    void readAhead(ModelFiles.Read read) {
        readAhead = read;
    }

    void saveModel(Path file) {
        try {
            ModelFiles.save(file, session.trainer().network());
            session.say("saved the model to " + file);
        } catch (java.io.IOException | RuntimeException e) {
            session.refuse("could not save the model to " + file + ": " + Failures.describe(e));
        }
    }

    void loadModel(Path file) {
        ModelFiles.Read read = readAhead != null && readAhead.file().equals(file) ? readAhead : null;
        readAhead = null;
        TrainingConfig config = session.config();
        ModelFiles.Loaded loaded;
        try {
            loaded = read != null ? read.result(config.network().init()) : ModelFiles.load(file, config.network().init());
        } catch (java.io.IOException | RuntimeException e) {
            session.refuse("could not load " + file + ": " + Failures.describe(e));
            return;
        }
        adopt(loaded, file);
    }

    /** The trainer takes a network read from {@code file}: marked, measured and shown as a rebuild is. */
    private void adopt(ModelFiles.Loaded loaded, Path file) {
        TrainingConfig next = session.config().withNetwork(loaded.spec());
        session.trainer().adopt(loaded.network(), loaded.spec());
        session.settings().set(next);
        session.networkReplaced("loaded " + loaded.spec().describe() + " from " + file, false);
        session.settings().changed("network", "loaded " + loaded.spec().describe());
    }

    void importData(Path file) {
        TrainingConfig config = session.config();
        PointsCsv.Points points;
        try {
            // the label kind follows the head: targets for regression, else class indexes
            points = PointsCsv.read(file, config.classes() == 0 ? PointsCsv.TARGETS : PointsCsv.ANY_LABEL,
                    Limits.APP_MAX_SAMPLES);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + Failures.describe(e), e);
        }
        DataSplit data = points.split(config.testRatio(), new Random(config.seed()));
        if (ImageSource.holdsIndexes(data)) { // an export of pictures: its one column numbers them, it is no input
            throw new IllegalArgumentException(file.getFileName() + " holds the indexes of pictures, not points: choose "
                    + "the pictures in the data box (Fashion-MNIST), or read it with eval --data beside its "
                    + ImageSource.FILE);
        }
        if (data.train().size() == 0) {
            throw new IllegalArgumentException(file.getFileName() + ": no training point (every point is a test point)");
        }
        session.replace(config.forPoints(data.all().size(), points.classes()), data, data);
        session.say("imported " + data.all().size() + " points from " + file.getFileName()
                + (points.classes() == 0 ? " (regression targets)" : " (" + points.classes() + " classes)"));
    }

    void exportData(Path file) {
        DataSplit data = session.trainer().data();
        try {
            RunFiles.writeDataset(file, data);
            if (!RunFiles.writesIndexes(data.all())) {
                session.say("exported " + data.all().size() + " points to " + file);
                return;
            }
            // pictures too large for columns are written as their indexes: the source beside says where
            // they are, so eval --data (or Open run with a model.json) reads the pictures back
            ImageSource source = session.dataChoices().imageSource(data);
            if (source == null) {
                session.refuse("exported " + data.all().size() + " pictures to " + file + " as image indexes, but where "
                        + "they came from is unknown: the file cannot be read back");
                return;
            }
            Path beside = ImageSource.beside(file);
            source.write(beside);
            session.say("exported " + data.all().size() + " pictures to " + file + " as image indexes, with "
                    + beside.getFileName() + " beside it saying where the pictures are (keep the two together; "
                    + "eval --data reads them back; in the app choose the data again in the data box)");
        } catch (java.io.IOException | RuntimeException e) {
            session.refuse("could not export the data to " + file + ": " + Failures.describe(e));
        }
    }

    void saveExperiment(Path file, Map<String, Boolean> shownPanes) {
        Trainer trainer = session.trainer();
        try {
            ExperimentFile.write(file, new Experiment(session.config(), session.ownData(), trainer.capture(null),
                    shownPanes));
            session.say("saved the experiment (step " + trainer.steps() + ") to " + file);
        } catch (java.io.IOException | RuntimeException e) {
            session.refuse("could not save the experiment to " + file + ": " + Failures.describe(e));
        }
    }

    void openExperiment(Path file) {
        Experiment e;
        try {
            e = ExperimentFile.read(file, MAX_EXPERIMENT_BYTES, Limits.APP_MAX_SAMPLES, Limits.APP_MAX_PARAMETERS);
        } catch (java.io.IOException | IllegalArgumentException ex) {
            throw new IllegalArgumentException(file.getFileName() + ": " + Failures.describe(ex), ex);
        }
        String tooBig = Command.appProblem(e.config().network());
        if (tooBig != null) {
            throw new IllegalArgumentException(file.getFileName() + ": " + tooBig);
        }
        if (e.data() == null && e.config().dataset().fromFiles()) {
            DataSplit read = session.dataChoices().readFor(e.config()); // kept as read data: Reset keeps it
            if (e.state() != null) {
                try { // checked before anything is replaced, as the reader checks the plane's data
                    new Trainer(read, e.config()).restore(e.state());
                } catch (RuntimeException ex) {
                    throw new IllegalArgumentException(file.getFileName() + ": state does not fit the settings and data: "
                            + ex.getMessage(), ex);
                }
            }
            session.replace(e.config(), read, read);
        } else {
            session.replace(e.config(), e.data() != null ? e.data() : Trainer.split(e.config()), e.data());
        }
        if (e.state() != null) {
            // the chart and the timeline start at the saved step
            session.trainer().restore(e.state());
            session.timeline().forgetStates();
            session.chart().startHere();
            session.showRestored();
        }
        shown = new Snapshot.Shown(e.shown(), shown.serial() + 1);
        session.say("opened the experiment " + file.getFileName() + " at step " + session.trainer().steps());
    }

    void openRun(Path dir) {
        RunRecord run = RunRecord.read(dir, session.config());
        // Reset keeps the run's points; Undo does not reach back past the opening
        session.replace(run.config(), run.data(), run.data());
        adoptHistory(run.history(), run.checkpoints());
        session.say("opened the run in " + dir + ": " + run.checkpoints().size()
                + " checkpoints; drag over the chart to scrub it");
    }

    /** An opened run's chart and checkpoints replace the fresh network's; the last checkpoint is shown. */
    private void adoptHistory(List<Metrics> rows, List<TrainerState> checkpoints) {
        session.chart().replaceRows(rows);
        session.timeline().keepAll(session.config(), checkpoints);
        if (!checkpoints.isEmpty()) {
            session.trainer().restore(checkpoints.get(checkpoints.size() - 1));
            // the fresh network measured was of the session's init, not the run's weights: its verdict goes
            session.chart().weightsDrawnByInit(false);
            session.chart().clearDivergence();
            session.showRestored();
        }
    }
}
