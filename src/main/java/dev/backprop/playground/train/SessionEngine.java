package dev.backprop.playground.train;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.nn.TrainingLoop;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import dev.backprop.playground.io.PointsCsv;
import dev.backprop.playground.io.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.backprop.playground.graph.NumberFormat;
import java.util.Locale;
import java.util.Random;

/**
 * The session's model and what the commands do to it, on the engine thread: the config in force,
 * the trainer and its {@link TrainingLoop}, the step-through, the history, and what to tell the
 * user. Every handler checks (or builds) everything new before it replaces anything, so a refused
 * or failed command leaves the session as it was. Scheduling is {@link RunScheduler}'s, pictures
 * are {@link Publisher}'s.
 */
final class SessionEngine implements CommandHandler {
    /** The unit of the current layer step the neuron view lights alone (backward: one unit at a time), or -1. */
    private int unitCursor = -1;
    /**
     * While playing, boundary frames (a metrics row, and the boundary when its own interval allows)
     * at most this often: 50 chart points a second. At the default speed every 250-step frame is measured.
     */
    static final long FRAME_INTERVAL_NANOS = 20_000_000L;
    /** Wall time for the engine's cadence; a test's own clock steps by hand. */
    private final EngineClock clock;
    private final RunScheduler scheduler;
    /** Which boundary frames are measured while playing: they follow the clock. */
    private final FrameCadence cadence;
    private final EngineStats stats = new EngineStats();
    private final Publisher publisher;
    private final MetricsLog history = new MetricsLog();
    private final List<Long> rebuilds = new ArrayList<>();
    private final Timeline timeline = new Timeline();
    private final List<Snapshot.Mark> marks = new ArrayList<>();
    /** The history dropped by the last resume from an earlier step. */
    private List<Metrics> abandoned = List.of();
    /** While scrubbing: the entry shown, and the run's own state to go back to; both null when live. */
    private Timeline.Entry scrubbed;
    private TrainerState live;
    private TrainingConfig config;
    private long configVersion;
    private TrainingLoop loop;
    /** The step-through in progress, or null. */
    private NetworkStepper stepper;
    private String divergence = "";
    private String message = "";
    /**
     * Multiply-adds (weights x points) of a metrics row measured at once after a rebuild: a wider
     * network's row is owed until the hand stops ({@link #advanceOwedFrame}), so the new network shows
     * within a frame. 2-50-1 on 2,000 points: 0.4M; 4x128: 100M, 28 ms here.
     */
    static final long REBUILD_ROW_BUDGET = 30_000_000L;
    /** A rebuild's metrics row being measured a block of points at a time, or null. */
    private Trainer.Evaluation owed;
    /** Whether the network's weights were drawn by its init (start, rebuild), not loaded from a file. */
    private boolean drawnByInit = true;
    /** A model read ahead off this thread for the LoadModel being applied, or null. */
    private ModelFiles.Read readAhead;
    private Snapshot.Problem problem;
    private long problemSerial;
    private boolean stopped;
    /** Points imported (or opened with an experiment) rather than generated, or null: Reset keeps them. */
    private DataSplit ownData;
    private final DataEdits edits = new DataEdits();
    /** What the last opened experiment shows (classroom mode), for the UI. */
    private Snapshot.Shown shown = Snapshot.Shown.NONE;

    SessionEngine(TrainingConfig config) {
        this(config, EngineClock.SYSTEM);
    }

    SessionEngine(TrainingConfig config, EngineClock clock) {
        this.clock = clock;
        this.scheduler = new RunScheduler(clock);
        this.cadence = new FrameCadence(clock);
        this.publisher = new Publisher(stats, clock);
        this.config = config;
        start(Trainer.split(config));
    }

    RunScheduler scheduler() {
        return scheduler;
    }

    boolean stopped() {
        return stopped;
    }

    EngineStats stats() {
        return stats;
    }

    long steps() {
        return trainer().steps();
    }

    /** Nanoseconds until a rebuilt network's full boundary grid is due (0: now), or -1 when none is pending. */
    long nanosUntilFullGrid() {
        return publisher.nanosUntilFullGrid();
    }

    /**
     * Works on the full-resolution grid that is due (after the coarse one a rebuild, or a wide network,
     * showed first) until {@code deadline} (System.nanoTime); true once it is done and in the snapshot.
     */
    boolean advanceFullGrid(long deadline) {
        return publisher.advanceFullGrid(trainer(), deadline);
    }

    // ---- commands -----------------------------------------------------------------------------

    /** The next LoadModel of {@code read}'s file adopts what it read (off this thread) instead of reading. */
    void readAhead(ModelFiles.Read read) {
        readAhead = read;
    }

    /** A model is being read off this thread: the status line says how far it got. */
    void reading(ModelFiles.Read read) {
        message = read.progress();
    }

    /** Checks and applies one command; a refusal is reported, never applied. */
    void apply(Command c) {
        if (needsTheOwedRow(c)) {
            // first: what follows reads the chart or trains on from it, and the row may find a divergence
            // that must refuse it
            payOwedFrame();
        }
        String refusal = c.problem();
        if (refusal == null && !divergence.isEmpty() && needsHealthyNetwork(c)) {
            refusal = "training diverged, so " + commandName(c) + " is refused: " + playRefusal();
        } else if (refusal == null && needsHealthyNetwork(c)) {
            refusal = TrainableData.missing(trainer().data(), config.classes());
        }
        if (refusal != null) {
            refuse(commandName(c) + " refused: " + refusal);
            return;
        }
        publisher.interruptFullGrid(); // the command may change the network the grid is of
        if (live != null && !keepsScrubbing(c)) {
            leaveScrub(); // anything else applies to the run as it was, not to the step being shown
        }
        if (stepper != null && c.endsStepThrough()) {
            if (c instanceof Command.Play || c instanceof Command.Step) {
                stepper.complete(); // finish the step being shown, so training goes on from a whole step
            }
            stepper = null;
            publisher.refreshGraph(trainer(), null);
        }
        try {
            c.dispatch(this);
        } catch (IllegalArgumentException e) {
            refuse(commandName(c) + " refused: " + e.getMessage());
        }
    }

    /** Commands that train: after divergence they would only produce NaN. */
    private static boolean needsHealthyNetwork(Command c) {
        return c instanceof Command.Play || c instanceof Command.Step || c instanceof Command.NodeForward
                || c instanceof Command.FinishPass;
    }

    /** Commands that look at (or save) the step being scrubbed without leaving it. */
    private static boolean keepsScrubbing(Command c) {
        return c instanceof Command.ScrubTo || c instanceof Command.ResumeFromScrub || c instanceof Command.LeaveScrub
                || c instanceof Command.Pause || c instanceof Command.SetSpeed || c instanceof Command.TracePoint
                || c instanceof Command.ClearTrace || c instanceof Command.SaveModel || c instanceof Command.Shutdown
                || c instanceof Command.SetVisible;
    }

    private static String commandName(Command c) {
        return c.getClass().getSimpleName();
    }

    @Override
    public void play() {
        scheduler.play();
    }

    @Override
    public void pause() {
        scheduler.stop();
        catchUpFrame();
        publisher.settle();
    }

    @Override
    public void step(long steps) {
        scheduler.addSteps(steps);
    }

    @Override
    public void nodeForward() {
        if (stepper != null && unitCursor >= 0 && unitCursor + 1 < unitsInStep()) {
            unitCursor++; // the neuron view walks a layer's gradients one unit at a time
            showUnit();
            return;
        }
        startStepIfNeeded();
        stepThrough(() -> {
            stepper.next();
            unitCursor = unitsInStep() > 0 ? 0 : -1;
        });
    }

    @Override
    public void nodeBack() {
        if (stepper == null) {
            return;
        }
        if (unitCursor > 0) {
            unitCursor--;
            showUnit();
            return;
        }
        stepThrough(() -> {
            stepper.back();
            unitCursor = unitsInStep() - 1; // back into a layer: its last unit (-1 when not a unit step)
        });
    }

    @Override
    public void finishPass() {
        startStepIfNeeded();
        stepThrough(() -> {
            stepper.finishPass();
            unitCursor = -1;
        });
    }

    /**
     * How many units the neuron view walks one by one in the current step: a backward step of a
     * layer's activation or pre-activation (dL/da, dL/dz) shown as neurons; 0 for any other step.
     */
    private int unitsInStep() {
        NetworkStepper.Step current = stepper == null ? null : stepper.current();
        if (current == null || current.phase() != NetworkStepper.Phase.BACKWARD
                || publisher.view(trainer()) != dev.backprop.playground.graph.GraphView.NEURONS) {
            return 0;
        }
        String id = current.nodeId();
        if (!id.matches("(act|add)[0-9]+")) {
            return 0;
        }
        int k = Integer.parseInt(id.replaceAll("[^0-9]", ""));
        int seen = 0;
        for (dev.backprop.playground.engine.nn.Layer layer : trainer().network().layers()) {
            if (layer instanceof dev.backprop.playground.engine.nn.Linear lin && ++seen == k) {
                return Math.min(lin.outputSize(lin.inputSize()), dev.backprop.playground.graph.NeuronGraphBuilder.MAX_SHOWN);
            }
        }
        return 0;
    }

    /** The same training step, another unit of the layer lit: its chain rule in the inspector. */
    private void showUnit() {
        publisher.setUnit(unitCursor);
        publisher.refreshGraph(trainer(), stepper);
        NetworkStepper.Step current = stepper.current();
        message = String.format(Locale.ROOT, "step-through %d/%d: %s, unit %d of %d", stepper.position(), stepper.total(),
                current.text(), unitCursor + 1, unitsInStep());
    }

    /** Step-through starts the next training step when none is in progress (or the last one is done). */
    private void startStepIfNeeded() {
        if (stepper == null || !stepper.hasNext()) {
            Command.TracePoint t = publisher.traced();
            stepper = t == null ? new NetworkStepper(trainer())
                    : NetworkStepper.onExample(trainer(), t.x1(), t.x2(), t.label());
        }
    }

    @Override
    public void reset() {
        start(ownData != null ? ownData : Trainer.split(config));
        message = "reset: new weights from seed " + config.seed();
    }

    @Override
    public void setLearningRate(double learningRate) {
        setConfig(config.withLearningRate(learningRate));
        trainer().setLearningRate(learningRate);
        message = String.format(Locale.ROOT, "learning rate %.3g (weights kept)", learningRate);
        settingChanged("lr", String.format(Locale.ROOT, "lr %.3g", learningRate));
    }

    @Override
    public void setGraphView(dev.backprop.playground.graph.GraphView view) {
        publisher.setView(view);
        publisher.refreshGrid(trainer());
        publisher.refreshGraph(trainer(), stepper);
        message = "graph: " + publisher.view(trainer()).id();
    }

    @Override
    public void setVisible(boolean networkTab) {
        publisher.setShown(networkTab, trainer(), stepper);
    }

    @Override
    public void toggleExpandedLayer(int layer) {
        publisher.toggleExpanded(layer);
        publisher.refreshGrid(trainer()); // the pictures of the units now shown
        publisher.refreshGraph(trainer(), stepper);
        message = "neuron view: layer " + layer + " shows more or fewer units";
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        scheduler.setSpeed(stepsPerSecond);
    }

    @Override
    public void setNetwork(NetworkSpec spec) {
        String mismatch = headMismatch(spec, config);
        if (mismatch != null) {
            throw new IllegalArgumentException(mismatch); // refused: swapping the head silently would hide the choice
        }
        if (spec.equals(config.network())) {
            return;
        }
        TrainingConfig next = config.withNetwork(spec);
        trainer().rebuild(spec, config.optimizer(), new Random(config.seed() + 1 + trainer().steps()));
        setConfig(next);
        drawnByInit = true;
        networkReplaced("network rebuilt as " + spec.describe() + " " + spec.activation().id());
        settingChanged("network", spec.describe() + " " + spec.activation().id());
    }

    /** Why {@code spec}'s head cannot learn {@code c}'s data (a loss that does not fit), or null. */
    static String headMismatch(NetworkSpec spec, TrainingConfig c) {
        int classes = spec.head().classes();
        if (classes == c.classes()) {
            return null;
        }
        String data = c.dataset().id() + (c.classes() == 0 ? " (a regression target: use mse)"
                : " with " + c.classes() + " classes (use " + (c.classes() == 2 ? "bce, mse or ce)" : "ce)"));
        return "the " + spec.head().describe() + " head (" + (classes == 0 ? "a regression output" : classes + " classes")
                + ") does not fit " + data + "; nothing changed";
    }

    @Override
    public void setClasses(int classes) {
        if (!config.dataset().takesClassCount()) {
            throw new IllegalArgumentException(config.dataset().id() + " has " + config.dataset().defaultClasses()
                    + (config.dataset().isRegression() ? " classes (a regression target)" : " classes")
                    + ": only spiral and blobs take a class count");
        }
        if (classes == config.classes()) {
            return;
        }
        replaceData(config.withData(config.dataset(), config.samples(), config.noise(), config.seed(), classes));
        message = "new data: " + config.dataset().id() + " with " + classes + " classes; network "
                + config.network().describe() + ", " + config.network().head().describe();
    }

    @Override
    public void setRegularization(Regularization kind, double rate) {
        TrainingConfig next = config.withRegularization(kind, rate);
        trainer().setRegularization(kind, rate);
        setConfig(next);
        message = kind == Regularization.NONE ? "no regularization (weights kept)"
                : String.format(Locale.ROOT, "%s regularization, rate %.3g (weights kept)", kind.id(), rate);
    }

    @Override
    public void setOptimizer(OptimizerKind kind) {
        if (kind != config.optimizer()) {
            TrainingConfig next = config.withOptimizer(kind);
            trainer().rebuildOptimizer(kind);
            setConfig(next);
            message = "optimizer " + kind.id() + " (weights kept, fresh optimizer state)";
            settingChanged("optimizer", kind.id());
        }
    }

    @Override
    public void setBatchSize(int batchSize) {
        TrainingConfig next = config.withBatchSize(batchSize);
        trainer().setBatchSize(batchSize);
        setConfig(next);
        message = "batch size " + trainer().batchSize();
        settingChanged("batch", "batch " + trainer().batchSize());
    }

    @Override
    public void setData(DatasetKind dataset, int samples, double noise, long seed) {
        TrainingConfig before = config;
        replaceData(config.withData(dataset, samples, noise, seed)); // refuses what leaves no training point
        message = "new data: " + dataset.id() + ", " + samples + " points, noise " + noise
                + (config.network().head().equals(before.network().head()) ? "" : "; the head is now "
                + config.network().head().describe());
    }

    /** Generates {@code next}'s data and starts a fresh network on it; a failure leaves the old ones. */
    private void replaceData(TrainingConfig next) {
        DataSplit data = Trainer.split(next);
        TrainingConfig before = config;
        config = next;
        try {
            start(data);
        } catch (RuntimeException | Error e) {
            config = before; // the old data and network stay
            throw e;
        }
        configVersion++;
        ownData = null; // generated data replaces imported or edited points
        edits.forget();
    }

    @Override
    public void saveModel(Path file) {
        try {
            ModelFiles.save(file, trainer().network());
            message = "saved the model to " + file;
        } catch (java.io.IOException | RuntimeException e) {
            refuse("could not save the model to " + file + ": " + Failures.describe(e));
        }
    }

    @Override
    public void loadModel(Path file) {
        ModelFiles.Read read = readAhead != null && readAhead.file().equals(file) ? readAhead : null;
        readAhead = null;
        ModelFiles.Loaded loaded;
        try {
            loaded = read != null ? read.result(config.network().init()) : ModelFiles.load(file, config.network().init());
        } catch (java.io.IOException | RuntimeException e) {
            refuse("could not load " + file + ": " + Failures.describe(e));
            return;
        }
        TrainingConfig next = config.withNetwork(loaded.spec());
        trainer().adopt(loaded.network(), loaded.spec());
        drawnByInit = false; // a saturated file is the file's doing, not the init's
        setConfig(next);
        networkReplaced("loaded " + loaded.spec().describe() + " from " + file);
        settingChanged("network", "loaded " + loaded.spec().describe());
    }

    @Override
    public void tracePoint(double x1, double x2, double label, int index) {
        if (index >= trainer().data().all().size()) {
            throw new IllegalArgumentException("there are " + trainer().data().all().size() + " points, no point "
                    + index);
        }
        dev.backprop.playground.engine.nn.Head head = trainer().network().head();
        if (head.kind() != dev.backprop.playground.engine.nn.Head.Kind.REGRESSION
                && (label != Math.rint(label) || label < 0 || label >= Math.max(2, head.classes()))) {
            throw new IllegalArgumentException("a traced point's label must be a class index from 0 to "
                    + (Math.max(2, head.classes()) - 1) + ", got " + label);
        }
        publisher.trace(new Command.TracePoint(x1, x2, label, index));
        publisher.refreshGraph(trainer(), null);
        message = String.format(Locale.ROOT, "tracing %s (%.3f, %.3f) label %s: the graph shows its values and "
                + "gradients; Node \u25b8 steps through a training step on it; Esc stops",
                index >= 0 ? "point " + index : "a probe at", x1, x2, NumberFormat.short4(label));
    }

    @Override
    public void clearTrace() {
        if (publisher.traced() != null) {
            publisher.trace(null);
            trainer().previewForward();
            publisher.refreshGraph(trainer(), null);
            message = "trace cleared";
        }
    }

    @Override
    public void scrubTo(long step) {
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("no step recorded yet");
        }
        scheduler.stop();
        if (live == null) {
            live = trainer().capture(timeline.lastState());
        }
        scrubbed = timeline.nearest(step);
        trainer().restore(scrubbed.state());
        showRestored();
        message = "timeline: step " + scrubbed.step() + " (paused; Resume from here continues from it, End goes back)";
    }

    @Override
    public void leaveScrub() {
        if (live != null) {
            TrainerState back = live;
            live = null;
            scrubbed = null;
            trainer().restore(back);
            showRestored();
            message = "back to step " + back.step();
        }
    }

    @Override
    public void resumeFromScrub() {
        if (scrubbed == null) {
            throw new IllegalArgumentException("pick a step on the timeline first");
        }
        long from = scrubbed.step();
        List<Metrics> rows = history.view();
        int keep = 0;
        while (keep < rows.size() && rows.get(keep).step() <= from) {
            keep++;
        }
        abandoned = List.copyOf(rows.subList(keep, rows.size()));
        history.truncate(keep);
        rebuilds.removeIf(r -> r > from);
        marks.removeIf(m -> m.step() > from);
        timeline.truncateAfter(from);
        if (!scrubbed.config().equals(config)) {
            setConfig(scrubbed.config());
        }
        live = null;
        scrubbed = null;
        divergence = "";
        loop.clearDivergence();
        addMark(new Snapshot.Mark(from, "resume", "resumed here"));
        scheduler.play();
        message = "resumed from step " + from + " (the later history is the grey ghost curve)";
    }

    @Override
    public void openRun(Path dir) {
        RunRecord run = RunRecord.read(dir, config);
        TrainingConfig before = config;
        config = run.config();
        try {
            start(run.data());
        } catch (RuntimeException | Error e) {
            config = before;
            throw e;
        }
        configVersion++;
        ownData = run.data(); // Reset keeps the run's points; Undo does not reach back past the opening
        edits.forget();
        history.clear();
        timeline.clear();
        for (Metrics m : run.history()) {
            history.add(m);
        }
        TrainerState previous = null;
        for (TrainerState checkpoint : run.checkpoints()) {
            timeline.add(config, checkpoint);
            previous = checkpoint;
        }
        if (previous != null) {
            trainer().restore(previous);
            showRestored();
        }
        message = "opened the run in " + dir + ": " + run.checkpoints().size() + " checkpoints; drag over the chart to "
                + "scrub it";
    }

    @Override
    public void importData(Path file) {
        PointsCsv.Points points;
        try {
            // the label kind follows the head: targets for regression, else class indexes
            points = PointsCsv.read(file, config.classes() == 0 ? PointsCsv.TARGETS : PointsCsv.ANY_LABEL,
                    Limits.APP_MAX_SAMPLES);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + Failures.describe(e), e);
        }
        DataSplit data = points.split(config.testRatio(), new Random(config.seed()));
        if (data.train().size() == 0) {
            throw new IllegalArgumentException(file.getFileName() + ": no training point (every point is a test point)");
        }
        replaceData(config.forPoints(data.all().size(), points.classes()), data);
        message = "imported " + data.all().size() + " points from " + file.getFileName()
                + (points.classes() == 0 ? " (regression targets)" : " (" + points.classes() + " classes)");
    }

    @Override
    public void exportData(Path file) {
        try {
            RunFiles.writeDataset(file, trainer().data());
            message = "exported " + trainer().data().all().size() + " points to " + file;
        } catch (java.io.IOException | RuntimeException e) {
            refuse("could not export the data to " + file + ": " + Failures.describe(e));
        }
    }

    @Override
    public void saveExperiment(Path file, java.util.Map<String, Boolean> shown) {
        try {
            ExperimentFile.write(file, new Experiment(config, ownData, trainer().capture(null), shown));
            message = "saved the experiment (step " + trainer().steps() + ") to " + file;
        } catch (java.io.IOException | RuntimeException e) {
            refuse("could not save the experiment to " + file + ": " + Failures.describe(e));
        }
    }

    @Override
    public void openExperiment(Path file) {
        Experiment e;
        try {
            e = ExperimentFile.read(file, MAX_EXPERIMENT_BYTES, Limits.APP_MAX_SAMPLES);
        } catch (java.io.IOException | IllegalArgumentException ex) {
            throw new IllegalArgumentException(file.getFileName() + ": " + Failures.describe(ex), ex);
        }
        String tooBig = Command.appProblem(e.config().network());
        if (tooBig != null) {
            throw new IllegalArgumentException(file.getFileName() + ": " + tooBig);
        }
        replaceData(e.config(), e.data() != null ? e.data() : Trainer.split(e.config()));
        ownData = e.data();
        if (e.state() != null) {
            trainer().restore(e.state());
            history.clear();
            timeline.clear();
            recordFrame(loop.frame()); // the chart and the timeline start at the saved step
            showRestored();
        }
        shown = new Snapshot.Shown(e.shown(), shown.serial() + 1);
        message = "opened the experiment " + file.getFileName() + " at step " + trainer().steps();
    }

    /** Most bytes of an experiment file the app opens (its data at most {@link Limits#APP_MAX_SAMPLES} points). */
    static final long MAX_EXPERIMENT_BYTES = 64_000_000L;

    /** New config and points together; on failure the old ones stay. */
    private void replaceData(TrainingConfig next, DataSplit data) {
        TrainingConfig before = config;
        config = next;
        try {
            start(data);
        } catch (RuntimeException | Error e) {
            config = before;
            throw e;
        }
        configVersion++;
        ownData = data;
        edits.forget();
    }

    @Override
    public void addPoints(double[] points, double label) {
        DataSplit now = trainer().data();
        if (now.all().size() + points.length / 2 > Limits.APP_MAX_SAMPLES) {
            throw new IllegalArgumentException("the app trains at most " + Limits.APP_MAX_SAMPLES + " points");
        }
        if (config.classes() > 0 && !(label == Math.rint(label) && label >= 0 && label < config.classes())) {
            throw new IllegalArgumentException("a point's class must be 0 to " + (config.classes() - 1) + ", got " + label);
        }
        // the split of new points follows the test ratio, reproducibly from the seed
        Random split = new Random(config.seed() * 31 + now.all().size());
        edit(now, DataEdits.added(now, points, label, config.testRatio(), split));
        message = "added " + points.length / 2 + " point" + (points.length == 2 ? "" : "s") + " of "
                + (config.classes() > 0 ? "class " + (int) label : "target " + NumberFormat.short4(label))
                + " (Ctrl+Z undoes)";
    }

    @Override
    public void deletePointNear(double x1, double x2) {
        DataSplit now = trainer().data();
        int row = DataEdits.nearest(now.all(), x1, x2);
        if (now.all().size() <= 2) {
            throw new IllegalArgumentException("the data keeps at least 2 points");
        }
        edit(now, DataEdits.without(now, row));
        message = String.format(Locale.ROOT, "deleted the point at (%.3f, %.3f) (Ctrl+Z undoes)", now.all().x1(row),
                now.all().x2(row));
    }

    @Override
    public void clearPoints() {
        DataSplit now = trainer().data();
        if (now.all().size() == 0) {
            throw new IllegalArgumentException("the plane is already empty");
        }
        edit(now, DataEdits.empty());
        message = "cleared " + now.all().size() + " points: click to add new ones (Ctrl+Z undoes)";
    }

    @Override
    public void undoEdit() {
        DataSplit now = trainer().data();
        DataSplit before = edits.undo(now);
        if (before == null) {
            throw new IllegalArgumentException("no edit to undo");
        }
        try {
            continueOn(before);
        } catch (RuntimeException e) {
            edits.redo(before); // back as it was
            throw e;
        }
        message = "undone: " + before.all().size() + " points";
    }

    @Override
    public void redoEdit() {
        DataSplit now = trainer().data();
        DataSplit after = edits.redo(now);
        if (after == null) {
            throw new IllegalArgumentException("no edit to redo");
        }
        try {
            continueOn(after);
        } catch (RuntimeException e) {
            edits.undo(after);
            throw e;
        }
        message = "redone: " + after.all().size() + " points";
    }

    private boolean insideTheGrid(DataSplit data) {
        dev.backprop.playground.engine.nn.DecisionGrid g = publisher.grid();
        if (g == null) {
            return false;
        }
        double[] b = data.all().bounds();
        return b[0] >= g.minX1() && b[1] <= g.maxX1() && b[2] >= g.minX2() && b[3] <= g.maxX2();
    }

    private void edit(DataSplit before, DataSplit after) {
        continueOn(after);
        edits.edited(before);
    }

    /**
     * Training goes on with the same weights, optimizer state and sampling on {@code data} (the
     * mini-batch order starts over: it indexes the old points). Kept states indexed the old points,
     * so the timeline starts here; the curve goes on.
     */
    private void continueOn(DataSplit data) {
        if (data.all().size() > 0 && data.train().size() == 0) {
            throw new IllegalArgumentException("no training point would be left");
        }
        if (TrainableData.missing(data, config.classes()) != null) {
            scheduler.stop(); // nothing to learn from: Play says why until points are back
        }
        TrainerState s = trainer().capture(null);
        TrainerState kept = new TrainerState(s.step(), s.spec(), s.weights(), s.optimizer(), s.optimizerState(),
                s.learningRate(), s.batchSize(), s.sampling(), null, 0, s.lastLoss());
        TrainingConfig next = config.forPoints(data.all().size(), config.classes());
        Trainer t = new Trainer(data, next);
        t.restore(kept);
        loop = new TrainingLoop(t, next.snapshotEvery(), clock::nanoTime);
        setConfig(next);
        ownData = data;
        stepper = null;
        live = null;
        scrubbed = null;
        timeline.clear();
        if (!insideTheGrid(data)) {
            publisher.newData(data); // the plane grows to show every point; within it, it stays put while editing
        }
        t.previewForward();
        publisher.refreshGrid(t);
        publisher.refreshGraph(t, null);
    }

    @Override
    public void shutdown() {
        stopped = true;
    }

    // ---- training -----------------------------------------------------------------------------

    /** Trains for one slice: as many steps as the speed allows, within {@link RunScheduler#sliceNanos()}. */
    void trainSlice() throws InterruptedException {
        publisher.interruptFullGrid();
        payOwedFrame();
        long start = clock.nanoTime();
        long due = scheduler.stepsDue(start);
        long slice = scheduler.sliceNanos();
        long done = 0;
        // playing, frames follow the clock; a Step command's steps get every frame, as the CLI's do
        cadence.setMinInterval(scheduler.running() ? FRAME_INTERVAL_NANOS : 0);
        loop.setFrameGate(cadence);
        // a very wide network's frames are measured a block at a time between commands, as its rebuild's row
        loop.setDeferFrames(rowIsWide());
        while (done < due && !loop.diverged() && clock.nanoTime() - start < slice) {
            long t0 = clock.nanoTime();
            long measured = loop.measuringNanos();
            TrainingLoop.Advance a = loop.advance(due - done, start + slice);
            long metrics = loop.measuringNanos() - measured;
            stats.add(EngineStats.Part.TRAIN, clock.nanoTime() - t0 - metrics);
            stats.add(EngineStats.Part.METRICS, metrics);
            done += a.steps();
            if (a.frame() != null) {
                recordFrame(a.frame());
            }
            if (loop.takeFrameDue()) {
                owed = trainer().beginEvaluation(); // training waits for it; commands do not
                break;
            }
        }
        scheduler.took(done);
        scheduler.measure(trainer().steps());
        if (due == 0) {
            scheduler.sleepUntilNextStep();
        }
        if (publisher.graphDue() || !scheduler.running()) {
            publisher.refreshGraph(trainer(), stepper);
        }
        if (!scheduler.busy()) {
            catchUpFrame();
            publisher.settle(); // a wide network trained on the coarse grid: now the full one
        }
        long lastFrameStep = trainer().steps() - trainer().steps() % config.snapshotEvery();
        List<Metrics> rows = history.view();
        if (!scheduler.busy() && publisher.gridStep() != lastFrameStep && rows.get(rows.size() - 1).step() == lastFrameStep) {
            publisher.refreshGrid(trainer()); // paused: the last frame gets its boundary even if it was skipped
        }
    }

    /**
     * Stopped after boundary frames were skipped for time ({@link #FRAME_INTERVAL_NANOS}): the chart
     * and the boundary get the network where it stopped, so a pause always shows the current state.
     */
    private void catchUpFrame() {
        if (owed != null) {
            return; // the row of this very step is being measured
        }
        List<Metrics> rows = history.view();
        long lastFrameStep = trainer().steps() - trainer().steps() % config.snapshotEvery();
        if (!rows.isEmpty() && rows.get(rows.size() - 1).step() < lastFrameStep && !loop.diverged()) {
            recordFrame(loop.frame());
        }
    }

    /** A boundary frame measured by the loop: a metrics row, a grid if due, and divergence. */
    private void recordFrame(Metrics m) {
        history.add(m);
        timeline.add(config, trainer().capture(timeline.lastState()));
        publisher.gridIfDue(trainer(), scheduler.running());
        if (loop.diverged()) {
            scheduler.stop();
            publisher.settle();
            long built = rebuilds.isEmpty() ? 0 : rebuilds.get(rebuilds.size() - 1);
            if (loop.divergedAt() == built && drawnByInit && config.network().init() == Initializer.NORMAL) {
                // not one step taken on this network: its initial weights are the cause, not the learning rate
                divergence = "Before any training, " + loop.divergence() + ". The initial weights are too large for "
                        + "this depth and width (init " + config.network().init().id() + "): " + Snapshot.INIT_REMEDY;
            } else {
                divergence = "Training diverged at step " + loop.divergedAt() + ": " + loop.divergence()
                        + String.format(Locale.ROOT, ". Try a smaller learning rate (now %.3g), then Reset.",
                        config.learningRate());
            }
            publisher.refreshGraph(trainer(), stepper);
        }
    }

    private void stepThrough(Runnable move) {
        scheduler.stop();
        long stepsBefore = trainer().steps();
        move.run();
        // the update ran just now (not merely shown again after a step back): the chart moves on
        if (trainer().steps() != stepsBefore && loop.onFrame()) {
            recordFrame(loop.frame());
        }
        NetworkStepper.Step current = stepper.current();
        message = current == null ? "step-through: press Node \u25b8 (Right) for the first node"
                : String.format(Locale.ROOT, "step-through %d/%d: %s", stepper.position(), stepper.total(), current.text())
                + (unitCursor >= 0 ? String.format(Locale.ROOT, ", unit %d of %d", unitCursor + 1, unitsInStep()) : "");
        publisher.setUnit(unitCursor);
        publisher.refreshGraph(trainer(), stepper);
    }

    // ---- state changes ------------------------------------------------------------------------

    /** A fresh trainer on {@code data}, with history, grid and graph recomputed. */
    private void start(DataSplit data) {
        TrainingLoop fresh = new TrainingLoop(new Trainer(data, config), config.snapshotEvery(), clock::nanoTime);
        drawnByInit = true;
        owed = null;
        fresh.trainer().previewForward();
        loop = fresh;
        stepper = null;
        publisher.newData(data);
        history.clear();
        rebuilds.clear();
        timeline.clear();
        marks.clear();
        abandoned = List.of();
        live = null;
        scrubbed = null;
        divergence = "";
        scheduler.stop();
        recordFrame(loop.frame()); // with the full grid: paused, and no coarse one pending after newData
        publisher.refreshGraph(trainer(), null);
    }

    /** After the trainer got another network: mark the chart, measure it, lay out its graph. */
    private void networkReplaced(String why) {
        trainer().previewForward();
        if (rebuilds.isEmpty() || rebuilds.get(rebuilds.size() - 1) != trainer().steps()) {
            rebuilds.add(trainer().steps()); // one chart mark per step, however many rebuilds a drag made
        }
        divergence = "";
        loop.clearDivergence();
        publisher.coarseUntilSettled(); // the new network within a frame; the full grid when the hand stops
        if (!rowIsWide()) {
            owed = null;
            recordFrame(loop.frame());
        } else {
            // measuring every point takes longer than a frame: the row when the hand stops, in blocks
            owed = trainer().beginEvaluation();
            publisher.gridIfDue(trainer(), scheduler.running());
        }
        publisher.refreshGraph(trainer(), null);
        message = why;
    }

    /**
     * Whether {@code c} must wait for an owed metrics row: all but a rebuild or load (which owes its own)
     * and the commands that neither read the chart nor touch the weights or the points, which go on while
     * it is measured a block at a time.
     */
    private static boolean needsTheOwedRow(Command c) {
        return !(c instanceof Command.SetNetwork || c instanceof Command.LoadModel || c instanceof Command.SetSpeed
                || c instanceof Command.SetLearningRate || c instanceof Command.SetVisible
                || c instanceof Command.SetGraphView || c instanceof Command.ToggleExpandedLayer
                || c instanceof Command.TracePoint || c instanceof Command.ClearTrace || c instanceof Command.SaveModel
                || c instanceof Command.Pause);
    }

    /** Whether measuring a metrics row of this network on these points takes longer than a frame. */
    private boolean rowIsWide() {
        return trainer().network().parameterCount() * trainer().data().all().size() > REBUILD_ROW_BUDGET;
    }

    /**
     * Records the metrics row a wide network's rebuild (or training frame) left owed (its chart point at the rebuild's step,
     * and the divergence rule on it); true if there was one. Paid when the hand stops, before training
     * goes on, and before any command but another rebuild.
     */
    boolean payOwedFrame() {
        return owed != null && measureOwed(Long.MAX_VALUE, true);
    }

    /** Whether a rebuild's metrics row is still to be measured. */
    boolean frameOwed() {
        return owed != null;
    }

    /**
     * Measures the owed row until {@code deadline} (System.nanoTime; a block of points at least) and
     * records it once done: true then. Nothing else may change the network meanwhile: every command
     * but a rebuild, and training, pay it first ({@link #payOwedFrame}).
     */
    boolean advanceOwedFrame(long deadline) {
        return owed == null || measureOwed(deadline, false);
    }

    private boolean measureOwed(long deadline, boolean whole) {
        Trainer.Evaluation row = owed;
        long before = row.nanos();
        try {
            boolean done = whole || row.advanceUntil(deadline);
            if (done) {
                Metrics m = row.result(); // the blocks left, if whole
                owed = null;
                recordFrame(loop.frame(m, row.nanos()));
            }
            return done;
        } catch (RuntimeException | Error e) {
            owed = null; // a failure is not met again at every cycle and command
            throw e;
        } finally {
            stats.add(EngineStats.Part.METRICS, row.nanos() - before);
        }
    }

    /** A scrubbed (or restored) state on screen: its forward values, its boundary, its graph. */
    private void showRestored() {
        trainer().previewForward();
        publisher.refreshGrid(trainer());
        publisher.refreshGraph(trainer(), null);
    }

    /**
     * Marks a setting change on the timeline; the state kept at this very step (paused on a frame)
     * takes the new setting, so resuming from it goes on as the run did.
     */
    private void settingChanged(String kind, String text) {
        addMark(new Snapshot.Mark(trainer().steps(), kind, text));
        TrainerState last = timeline.lastState();
        if (last != null && last.step() == trainer().steps()) {
            timeline.add(config, trainer().capture(last));
        }
    }

    /** One mark per step and kind: a slider dragged while paused leaves its last value. */
    private void addMark(Snapshot.Mark mark) {
        marks.removeIf(m -> m.step() == mark.step() && m.kind().equals(mark.kind()));
        marks.add(mark);
    }

    private void setConfig(TrainingConfig next) {
        config = next;
        configVersion++;
    }

    private void refuse(String why) {
        message = why;
        problem = new Snapshot.Problem(Snapshot.Problem.Kind.REFUSED, why, ++problemSerial);
    }

    /**
     * After any Throwable escaped a command or training: paused, the step-through dropped, the user
     * told. If the model cannot even be shown any more, it is rebuilt from the config (which only
     * ever holds checked settings), and failing that from the defaults.
     */
    void recover(Throwable t, String during) {
        scheduler.stop();
        stepper = null;
        owed = null;
        String why = "The engine hit an error while " + during + ": " + Failures.describe(t)
                + ". Training is paused; Reset starts over.";
        message = why;
        problem = new Snapshot.Problem(Snapshot.Problem.Kind.FAILED, why, ++problemSerial);
        try {
            trainer().previewForward();
            publisher.refreshGraph(trainer(), null);
        } catch (RuntimeException | Error e) {
            try {
                start(Trainer.split(config));
            } catch (RuntimeException | Error e2) {
                config = TrainingConfig.defaults();
                configVersion++;
                start(Trainer.split(config));
            }
        }
    }

    // ---- what the UI sees ---------------------------------------------------------------------

    private Trainer trainer() {
        return loop.trainer();
    }

    /** The trainer's state now (for tests and checks; a copy). */
    TrainerState trainerState() {
        return trainer().capture(null);
    }

    /** Why Play (and Step, and stepping into a new step) is refused now, or empty. */
    private String playRefusal() {
        if (!divergence.isEmpty()) {
            return divergence;
        }
        String missing = TrainableData.missing(trainer().data(), config.classes());
        return missing == null ? "" : missing;
    }

    Snapshot snapshot() {
        Trainer t = trainer();
        return new Snapshot(t.steps(), scheduler.running(), config, t.data(), history.view(), List.copyOf(rebuilds),
                publisher.grid(), publisher.gridPixels(), publisher.graph(), t.lastLoss(),
                scheduler.measuredSpeed(), divergence, message, stepView(), configVersion, playRefusal(), problem,
                publisher.traceView(), new Snapshot.TimelineView(timeline.steps(), marks,
                scrubbed == null ? -1 : scrubbed.step(), abandoned, timeline.bytes()),
                publisher.confusion(), shown, ownData != null);
    }

    private Snapshot.StepView stepView() {
        if (stepper == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (NetworkStepper.Step s : stepper.revealed()) {
            lines.add(s.phase().name().toLowerCase(Locale.ROOT) + "  " + s.text());
        }
        return new Snapshot.StepView(lines, stepper.position(), stepper.total(), stepper.isComplete());
    }
}
