package dev.backprop.playground.train;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.ProblemRules;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.nn.TrainingLoop;
import dev.backprop.playground.engine.nn.Initializer;
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
    private final StepThroughSlice stepThrough = new StepThroughSlice(this);
    private final TimelineSlice timeline = new TimelineSlice(this);
    private final DataEditSlice edits = new DataEditSlice(this);
    private final FileSlice files = new FileSlice(this);
    private final GraphSlice graphs = new GraphSlice(this);
    private final DataChoiceSlice dataChoices = new DataChoiceSlice(this);
    private final PredictionSlice predictions = new PredictionSlice();
    /** Off the plane, the first layer's weights as of the last boundary frame (the weight pictures), or null. */
    private FirstLayer firstLayer;
    /** The network {@link #firstLayer} was copied from: another one (a rebuild, a load) needs a new copy. */
    private Object firstLayerOf;
    private TrainingConfig config;
    private long configVersion;
    private TrainingLoop loop;
    /** Why training blew up, or null. */
    private Divergence divergence;
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
    private Snapshot.Problem problem;
    private long problemSerial;
    private boolean stopped;
    /** Points imported (or opened with an experiment) rather than generated, or null: Reset keeps them. */
    private DataSplit ownData;

    SessionEngine(TrainingConfig config) {
        this(config, EngineClock.SYSTEM, Publisher.GRID_SIZE);
    }

    /** A session whose boundary grid has {@code gridSize} cells a side (the app's: {@link Publisher#GRID_SIZE}). */
    SessionEngine(TrainingConfig config, int gridSize) {
        this(config, EngineClock.SYSTEM, gridSize);
    }

    SessionEngine(TrainingConfig config, EngineClock clock) {
        this(config, clock, Publisher.GRID_SIZE);
    }

    SessionEngine(TrainingConfig config, EngineClock clock, int gridSize) {
        this.clock = clock;
        this.scheduler = new RunScheduler(clock);
        this.cadence = new FrameCadence(clock);
        this.publisher = new Publisher(stats, clock, gridSize);
        this.config = config;
        start(Trainer.split(config), config);
    }

    RunScheduler scheduler() {
        return scheduler;
    }

    /** The step-through in progress (the graph shows what it revealed), or null. */
    dev.backprop.playground.engine.nn.NetworkStepper stepper() {
        return stepThrough.stepper();
    }

    Publisher publisher() {
        return publisher;
    }

    TrainingConfig config() {
        return config;
    }

    /** The user's own points (imported, edited, opened), or null for generated data. */
    DataChoiceSlice dataChoices() {
        return dataChoices;
    }

    DataSplit ownData() {
        return ownData;
    }

    /** What the status line says next. */
    void say(String what) {
        message = what;
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
        // off the plane the predictions take the full grid's place: a pass owed is work due now
        return predictions.owed(trainer(), scheduler.busy()) ? 0 : publisher.nanosUntilFullGrid();
    }

    /**
     * Works on the full-resolution grid that is due (after the coarse one a rebuild, or a wide network,
     * showed first) until {@code deadline} (System.nanoTime); true once it is done and in the snapshot.
     */
    boolean advanceFullGrid(long deadline) {
        if (predictions.owed(trainer(), scheduler.busy())) {
            long t0 = clock.nanoTime();
            boolean done = predictions.advance(trainer(), deadline);
            stats.add(EngineStats.Part.PREDICTIONS, clock.nanoTime() - t0);
            return done;
        }
        return publisher.advanceFullGrid(trainer(), deadline);
    }

    // ---- commands -----------------------------------------------------------------------------

    /** The next LoadModel of {@code read}'s file adopts what it read (off this thread) instead of reading. */
    void readAhead(ModelFiles.Read read) {
        files.readAhead(read);
    }

    /** The next ChooseData of {@code read}'s choice adopts what it read (off this thread) instead of reading. */
    void readAhead(DataRead read) {
        dataChoices.readAhead(read);
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
        if (refusal == null && divergence != null && needsHealthyNetwork(c)) {
            refusal = "training diverged, so " + commandName(c) + " is refused: " + playRefusal();
        } else if (refusal == null && needsHealthyNetwork(c)) {
            refusal = TrainableData.missing(trainer().data(), config.classes());
        }
        if (refusal != null) {
            refuse(commandName(c) + " refused: " + refusal);
            return;
        }
        publisher.interruptFullGrid(); // the command may change the network the grid is of
        if (timeline.scrubbing() && !keepsScrubbing(c)) {
            leaveScrub(); // anything else applies to the run as it was, not to the step being shown
        }
        if (c.endsStepThrough() && stepThrough.end(c instanceof Command.Play || c instanceof Command.Step)) {
            publisher.setUnit(-1);
            publisher.refreshGraph(trainer(), null);
            message = commandName(c) + ": the step-through ended, training goes on from its whole step"; // the handler may say more
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
        stepThrough.nodeForward();
    }

    @Override
    public void nodeBack() {
        stepThrough.nodeBack();
    }

    @Override
    public void finishPass() {
        stepThrough.finishPass();
    }

    @Override
    public void setZeroGrad(boolean on) {
        stepThrough.setZeroGrad(on);
    }

    @Override
    public void reset() {
        start(ownData != null ? ownData : Trainer.split(config), config);
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
        graphs.setGraphView(view);
    }

    @Override
    public void setVisible(boolean networkTab) {
        graphs.setVisible(networkTab);
    }

    @Override
    public void toggleExpandedLayer(int layer) {
        graphs.toggleExpandedLayer(layer);
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        scheduler.setSpeed(stepsPerSecond);
    }

    @Override
    public void setNetwork(NetworkSpec requested) {
        NetworkSpec asked = config.fittingInputs(requested); // line and quadratic: x alone, whatever the controls sent
        String mismatch = ProblemRules.headMismatch(asked, config);
        if (mismatch == null) {
            mismatch = ProblemRules.featureRefusal(asked, trainer().data().all().inputs());
        }
        if (mismatch != null) {
            throw new IllegalArgumentException(mismatch); // refused: swapping the head silently would hide the choice
        }
        NetworkSpec spec = ProblemRules.networkFor(asked, trainer().data().all().inputs()); // the data's inputs
        String tooBig = Command.appProblem(spec);
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
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

    @Override
    public void setClasses(int classes) {
        String refusal = ProblemRules.classCountRefusal(config.dataset());
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
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
    public void setOptimizerSettings(dev.backprop.playground.engine.nn.OptimizerSettings settings) {
        if (!settings.equals(config.optimizerSettings())) {
            TrainingConfig next = config.withOptimizerSettings(settings);
            trainer().setOptimizerSettings(settings);
            setConfig(next);
            String what = settings.describe(config.optimizer());
            message = (what.isEmpty() ? "optimizer settings" : what) + " (weights kept, fresh optimizer state)";
            settingChanged("optimizer", what.isEmpty() ? config.optimizer().id() : what);
        }
    }

    @Override
    public void setEpochs(dev.backprop.playground.engine.nn.Epochs epochs) {
        TrainingConfig next = config.withEpochs(epochs);
        trainer().setEpochs(epochs);
        setConfig(next);
        String what = !epochs.byEpoch() ? "by steps, an example drawn at random" : epochs.shuffle()
                ? "by epochs, shuffled at each" : "by epochs, in the data's order";
        message = "training " + what;
        settingChanged("epochs", what);
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
        // the points the data has (iris has 150 whatever the spinner says), not the number asked for
        message = "new data: " + dataset.id() + ", " + trainer().data().all().size() + " points, noise " + noise
                + (config.network().head().equals(before.network().head()) ? "" : "; the head is now "
                + config.network().head().describe());
    }

    /** Generates {@code next}'s data and starts a fresh network on it; a failure leaves the old ones. */
    private void replaceData(TrainingConfig next) {
        replace(next, Trainer.split(next), null); // generated data replaces imported or edited points
    }

    /**
     * New config and points together, on a fresh network: the one way the session replaces its data
     * (generated, imported, opened). Everything is built before anything is replaced, so a failure
     * leaves the old ones.
     *
     * @param own the points when they are the user's (Reset keeps them), or null for generated data
     */
    void replace(TrainingConfig asked, DataSplit data, DataSplit own) {
        TrainingConfig before = config;
        // the first layer takes the data's inputs (features give way to them off the plane)
        TrainingConfig next = asked.withNetwork(ProblemRules.networkFor(asked.network(), data.all().inputs()));
        String tooBig = Command.appProblem(next.network());
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
        }
        Command.TracePoint traced = publisher.traced();
        forgetIndexedTrace();
        try {
            start(data, next);
        } catch (RuntimeException | Error e) {
            config = before; // the old data, network and trace stay
            publisher.trace(traced);
            throw e;
        }
        configVersion++;
        ownData = own;
        edits.forget();
    }

    /** A traced data point goes with the points it was a row of; a probe (no row) stays. */
    private void forgetIndexedTrace() {
        if (publisher.traced() != null && publisher.traced().index() >= 0) {
            publisher.trace(null);
        }
    }

    @Override
    public void saveModel(Path file) {
        files.saveModel(file);
    }

    @Override
    public void loadModel(Path file) {
        files.loadModel(file);
    }

    /** The trainer takes a network read from {@code file}: marked, measured and shown as a rebuild is. */
    void adoptNetwork(ModelFiles.Loaded loaded, Path file) {
        TrainingConfig next = config.withNetwork(loaded.spec());
        trainer().adopt(loaded.network(), loaded.spec());
        drawnByInit = false; // a saturated file is the file's doing, not the init's
        setConfig(next);
        networkReplaced("loaded " + loaded.spec().describe() + " from " + file);
        settingChanged("network", "loaded " + loaded.spec().describe());
    }

    @Override
    public void tracePoint(double x1, double x2, double label, int index) {
        graphs.tracePoint(x1, x2, label, index);
    }

    @Override
    public void traceRow(int index) {
        graphs.traceRow(index);
    }

    @Override
    public void chooseData(DataChoice choice) {
        dataChoices.choose(choice);
    }

    @Override
    public void clearTrace() {
        graphs.clearTrace();
    }

    @Override
    public void scrubTo(long step) {
        timeline.scrubTo(step);
    }

    @Override
    public void leaveScrub() {
        timeline.leaveScrub();
    }

    @Override
    public void resumeFromScrub() {
        timeline.resumeFromScrub();
    }

    /** Drops the history after {@code step} (and its rebuild marks); returns the rows dropped. */
    List<Metrics> truncateHistoryAfter(long step) {
        List<Metrics> rows = history.view();
        int keep = 0;
        while (keep < rows.size() && rows.get(keep).step() <= step) {
            keep++;
        }
        List<Metrics> dropped = List.copyOf(rows.subList(keep, rows.size()));
        history.truncate(keep);
        rebuilds.removeIf(r -> r > step);
        return dropped;
    }

    /** Training goes on from a scrubbed step under the settings it had: no divergence after it yet. */
    void resumeWith(TrainingConfig atStep) {
        if (!atStep.equals(config)) {
            setConfig(atStep);
        }
        divergence = null;
        loop.clearDivergence();
    }

    @Override
    public void openRun(Path dir) {
        files.openRun(dir);
    }

    /** An opened run's chart and checkpoints replace the fresh network's; the last checkpoint is shown. */
    void adoptHistory(List<Metrics> rows, List<TrainerState> checkpoints) {
        history.clear();
        for (Metrics m : rows) {
            history.add(m);
        }
        timeline.keepAll(config, checkpoints);
        if (!checkpoints.isEmpty()) {
            trainer().restore(checkpoints.get(checkpoints.size() - 1));
            // start() measured a fresh network of the session's init, not the run's weights: its verdict goes
            drawnByInit = false;
            divergence = null;
            loop.clearDivergence();
            showRestored();
        }
    }

    /** The trainer goes to {@code state} and the chart and the timeline start there (an opened experiment). */
    void startHistoryAt(TrainerState state) {
        trainer().restore(state);
        history.clear();
        timeline.forgetStates();
        recordFrame(loop.frame());
        showRestored();
    }

    @Override
    public void importData(Path file) {
        files.importData(file);
    }

    @Override
    public void exportData(Path file) {
        files.exportData(file);
    }

    @Override
    public void saveExperiment(Path file, java.util.Map<String, Boolean> shown) {
        files.saveExperiment(file, shown);
    }

    @Override
    public void openExperiment(Path file) {
        files.openExperiment(file);
    }

    @Override
    public void addPoints(double[] points, double label) {
        edits.addPoints(points, label);
    }

    @Override
    public void deletePointNear(double x1, double x2) {
        edits.deletePointNear(x1, x2);
    }

    @Override
    public void clearPoints() {
        edits.clearPoints();
    }

    @Override
    public void undoEdit() {
        edits.undoEdit();
    }

    @Override
    public void redoEdit() {
        edits.redoEdit();
    }

    private boolean insideTheGrid(DataSplit data) {
        dev.backprop.playground.engine.nn.DecisionGrid g = publisher.grid();
        if (g == null) {
            return false;
        }
        double[] b = data.all().bounds();
        return b[0] >= g.minX1() && b[1] <= g.maxX1() && b[2] >= g.minX2() && b[3] <= g.maxX2();
    }

    /**
     * Training goes on with the same weights, optimizer state and sampling on {@code data} (the
     * mini-batch order starts over: it indexes the old points). Kept states indexed the old points,
     * so the timeline starts here; the curve goes on.
     */
    void continueOn(DataSplit data) {
        if (data.all().size() > 0 && data.train().size() == 0) {
            throw new IllegalArgumentException("no training point would be left");
        }
        if (TrainableData.missing(data, config.classes()) != null) {
            scheduler.stop(); // nothing to learn from: Play says why until points are back
        }
        TrainerState s = trainer().capture(null);
        TrainerState kept = new TrainerState(s.step(), s.spec(), s.weights(), s.optimizer(), s.optimizerState(),
                s.learningRate(), s.batchSize(), s.sampling(), null, 0, s.lastLoss(), s.samplesSeen());
        TrainingConfig next = config.forPoints(data.all().size(), config.classes());
        Trainer t = new Trainer(data, next);
        t.restore(kept);
        loop = new TrainingLoop(t, next.snapshotEvery(), clock::nanoTime);
        loop.setFramePerEpoch(true); // by epochs, a chart point per epoch when an epoch is shorter than the interval
        setConfig(next);
        ownData = data;
        stepThrough.end(false);
        timeline.forgetStates();
        forgetIndexedTrace();
        if (!insideTheGrid(data)) {
            publisher.newData(data); // the plane grows to show every point; within it, it stays put while editing
        }
        t.previewPass();
        publisher.refreshGrid(t);
        publisher.refreshGraph(t, null);
        remeasure();
    }

    /**
     * The chart's row at this step measured again, on the points now trained on: the status line's loss
     * and accuracy are never the old points' (an emptied plane measures nothing: NaN, shown as a dash).
     */
    private void remeasure() {
        if (rowIsWide()) {
            owed = trainer().beginEvaluation(); // too long for a command: measured a block at a time
            return;
        }
        history.dropLastIfAt(trainer().steps());
        recordFrame(loop.frame());
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
            publisher.refreshGraph(trainer(), stepper());
        }
        long p0 = clock.nanoTime();
        if (predictions.afterSlice(trainer())) {
            stats.add(EngineStats.Part.PREDICTIONS, clock.nanoTime() - p0);
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
     * Stopped (a Step done, a pause) after boundary frames were skipped for time ({@link #FRAME_INTERVAL_NANOS})
     * or between two of them: the chart, the status line and the boundary get a row at the very step
     * reached, off the 250-step cadence if need be, so what is shown is the network shown.
     */
    private void catchUpFrame() {
        if (owed != null) {
            return; // the row of this very step is being measured
        }
        List<Metrics> rows = history.view();
        if (!rows.isEmpty() && rows.get(rows.size() - 1).step() < trainer().steps() && !loop.diverged()) {
            if (rowIsWide()) {
                owed = trainer().beginEvaluation(); // measured a block at a time, as a wide network's frames
            } else {
                recordFrame(loop.frame());
            }
        }
    }

    /** A boundary frame measured by the loop: a metrics row, a grid if due, and divergence. */
    private void recordFrame(Metrics m) {
        history.add(m);
        timeline.keep(config);
        publisher.gridIfDue(trainer(), scheduler.running());
        predictions.frame(trainer(), scheduler.running());
        copyFirstLayer();
        if (loop.diverged()) {
            scheduler.stop();
            publisher.settle();
            long built = rebuilds.isEmpty() ? 0 : rebuilds.get(rebuilds.size() - 1);
            // not one step taken on this network: its initial weights are the cause, not the learning rate
            boolean init = loop.divergedAt() == built && drawnByInit && config.network().init().equals(Initializer.NORMAL);
            divergence = new Divergence(init ? Divergence.Cause.INIT : Divergence.Cause.LEARNING_RATE,
                    loop.divergedAt(), loop.divergence(), config.learningRate(), config.network().init().id());
            publisher.refreshGraph(trainer(), stepper());
        }
    }

    /** A step-through step ran the update just now (not merely shown again after a step back): the chart moves on. */
    void recordFrameIfUpdated(long stepsBefore) {
        if (trainer().steps() != stepsBefore && loop.onFrame()) {
            recordFrame(loop.frame());
        }
    }

    // ---- state changes ------------------------------------------------------------------------

    /** A fresh trainer on {@code data} under {@code next}, with history, grid and graph recomputed. */
    private void start(DataSplit data, TrainingConfig next) {
        TrainingLoop fresh = new TrainingLoop(new Trainer(data, next), next.snapshotEvery(), clock::nanoTime);
        fresh.setFramePerEpoch(true); // by epochs, a chart point per epoch when an epoch is shorter than the interval
        config = next;
        publisher.classNames(classNames(next));
        drawnByInit = true;
        owed = null;
        fresh.trainer().previewForward();
        loop = fresh;
        stepThrough.end(false);
        publisher.newData(data);
        predictions.restart(true);
        history.clear();
        rebuilds.clear();
        timeline.clear();
        divergence = null;
        scheduler.stop();
        recordFrame(loop.frame()); // with the full grid: paused, and no coarse one pending after newData
        publisher.refreshGraph(trainer(), null);
    }

    /** After the trainer got another network: mark the chart, measure it, lay out its graph. */
    private void networkReplaced(String why) {
        trainer().previewForward();
        predictions.restart(false);
        if (rebuilds.isEmpty() || rebuilds.get(rebuilds.size() - 1) != trainer().steps()) {
            rebuilds.add(trainer().steps()); // one chart mark per step, however many rebuilds a drag made
        }
        divergence = null;
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
                || c instanceof Command.TracePoint || c instanceof Command.TraceRow || c instanceof Command.ClearTrace || c instanceof Command.SaveModel
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
    void showRestored() {
        trainer().previewPass(); // that step's weights, the shown example's forward and backward pass
        predictions.restart(false);
        publisher.refreshGrid(trainer());
        publisher.refreshGraph(trainer(), null);
    }

    /**
     * Marks a setting change on the timeline; the state kept at this very step (paused on a frame)
     * takes the new setting, so resuming from it goes on as the run did.
     */
    private void settingChanged(String kind, String text) {
        timeline.settingChanged(config, kind, text);
    }

    private void setConfig(TrainingConfig next) {
        config = next;
        configVersion++;
        publisher.classNames(classNames(next));
    }

    /** Fashion-MNIST's garment names; other data's classes are shown by index. */
    private static List<String> classNames(TrainingConfig c) {
        return c.dataset() == dev.backprop.playground.engine.data.DatasetKind.FASHION
                ? dev.backprop.playground.engine.data.ImageSets.FASHION_CLASSES : null;
    }

    void refuse(String reason) {
        String why = dev.backprop.playground.engine.Failures.cut(reason); // a file may put megabytes in a message
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
        stepThrough.end(false);
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
                start(Trainer.split(config), config);
            } catch (RuntimeException | Error e2) {
                configVersion++;
                start(Trainer.split(TrainingConfig.defaults()), TrainingConfig.defaults());
            }
        }
    }

    // ---- what the UI sees ---------------------------------------------------------------------

    Trainer trainer() {
        return loop.trainer();
    }

    /** The trainer's state now (for tests and checks; a copy). */
    TrainerState trainerState() {
        return trainer().capture(null);
    }

    /** Why Play (and Step, and stepping into a new step) is refused now, or empty. */
    private String playRefusal() {
        if (divergence != null) {
            return divergence.text();
        }
        String missing = TrainableData.missing(trainer().data(), config.classes());
        return missing == null ? "" : missing;
    }

    /**
     * Off the plane, copies the first layer for the weight pictures: at a boundary frame (every 250
     * steps while playing; 78,400 weights for 784-100-10 take well under a millisecond), never per step.
     */
    private void copyFirstLayer() {
        long t0 = clock.nanoTime();
        Trainer t = trainer();
        if (t.data().all().inputs().isPlanar()) {
            firstLayer = null;
        } else {
            firstLayer = FirstLayer.of(t.network(), t.steps());
            stats.add(EngineStats.Part.WEIGHTS, clock.nanoTime() - t0);
        }
        firstLayerOf = t.network();
    }

    Snapshot snapshot() {
        Trainer t = trainer();
        if (!scheduler.busy() && !t.data().all().inputs().isPlanar()
                && (firstLayer == null || firstLayer.step() != t.steps() || firstLayerOf != t.network())) {
            copyFirstLayer(); // idle: a step-through, a load or a restore moved the weights off a frame
        }
        return new Snapshot(t.steps(), scheduler.running(), config, t.data(), history.view(), List.copyOf(rebuilds),
                publisher.grid(), publisher.gridPixels(), publisher.graph(), t.lastLoss(),
                scheduler.measuredSpeed(), divergence, message, stepView(), configVersion, playRefusal(), problem,
                publisher.traceView(), timeline.view(),
                t.data().all().inputs().isPlanar() ? publisher.confusion() : predictions.confusion(), files.shown(),
                ownData != null && !dataChoices.isRead(ownData), predictions.published(), t.epochErrors(), publisher.curve(),
                firstLayer, t.samplesSeen());
    }

    private Snapshot.StepView stepView() {
        return stepThrough.view();
    }
}
