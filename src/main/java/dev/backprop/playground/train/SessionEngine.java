package dev.backprop.playground.train;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.NetworkStepper;
import dev.backprop.playground.engine.nn.ProblemRules;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.nn.TrainingLoop;

/**
 * The session on the engine thread: the trainer and its {@link TrainingLoop}, the slices that own the
 * rest of the state and handle the commands ({@link CommandRouter} says which), the one way new points
 * replace the old ({@link #replace}), and the snapshot assembled from each slice's part. Every handler
 * checks (or builds) everything new before it replaces anything, so a refused or failed command leaves
 * the session as it was. Scheduling is {@link RunScheduler}'s, pictures are {@link Publisher}'s.
 */
final class SessionEngine {
    /** Wall time for the engine's cadence; a test's own clock steps by hand. */
    private final EngineClock clock;
    private final RunSlice run;
    private final RunScheduler scheduler;
    private final EngineStats stats = new EngineStats();
    private final Publisher publisher;
    private final SettingsSlice settings;
    private final ChartSlice chart = new ChartSlice(this);
    private final StepThroughSlice stepThrough = new StepThroughSlice(this);
    private final TimelineSlice timeline = new TimelineSlice(this);
    private final DataEditSlice edits = new DataEditSlice(this);
    private final FileSlice files = new FileSlice(this);
    private final GraphSlice graphs = new GraphSlice(this);
    private final DataChoiceSlice dataChoices = new DataChoiceSlice(this);
    private final PredictionSlice predictions = new PredictionSlice();
    private final FirstLayerSlice firstLayer;
    private final CommandRouter router;
    private TrainingLoop loop;
    private String message = "";
    private Snapshot.Problem problem;
    private long problemSerial;
    private boolean stopped;
    /** Points imported (or opened with an experiment) rather than generated, or null: Reset keeps them. */
    private DataSplit ownData;
    /** The sequence number up to which the session's commands are dealt with (the snapshot carries it). */
    private long appliedSeq;

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
        this.run = new RunSlice(this, clock);
        this.scheduler = run.scheduler();
        this.publisher = new Publisher(stats, clock, gridSize);
        this.settings = new SettingsSlice(this, config);
        this.firstLayer = new FirstLayerSlice(stats, clock);
        this.router = new CommandRouter(this, run, settings, stepThrough, timeline, edits, files, graphs, dataChoices);
        start(Trainer.split(config), config);
    }

    RunScheduler scheduler() {
        return scheduler;
    }

    /** The step-through in progress (the graph shows what it revealed), or null. */
    NetworkStepper stepper() {
        return stepThrough.stepper();
    }

    Publisher publisher() {
        return publisher;
    }

    TrainingConfig config() {
        return settings.config();
    }

    SettingsSlice settings() {
        return settings;
    }

    ChartSlice chart() {
        return chart;
    }

    TimelineSlice timeline() {
        return timeline;
    }

    DataChoiceSlice dataChoices() {
        return dataChoices;
    }

    /** The user's own points (imported, edited, opened), or null for generated data. */
    DataSplit ownData() {
        return ownData;
    }

    TrainingLoop loop() {
        return loop;
    }

    Trainer trainer() {
        return loop.trainer();
    }

    /** The trainer's state now (for tests and checks; a copy). */
    TrainerState trainerState() {
        return trainer().capture(null);
    }

    /** Every command numbered up to {@code seq} has been applied, refused or overridden. */
    void applied(long seq) {
        appliedSeq = seq;
    }

    /** What the status line says next. */
    void say(String what) {
        message = what;
    }

    boolean stopped() {
        return stopped;
    }

    void shutdown() {
        stopped = true;
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

    // ---- commands -----------------------------------------------------------------------------

    /** Checks and applies one command; a refusal is reported, never applied. */
    void apply(Command c) {
        if (CommandRouter.needsTheOwedRow(c)) {
            // first: what follows reads the chart or trains on from it, and the row may find a divergence
            // that must refuse it
            chart.payOwed();
        }
        String refusal = c.problem();
        if (refusal == null && chart.divergence() != null && CommandRouter.needsHealthyNetwork(c)) {
            refusal = "training diverged, so " + commandName(c) + " is refused: " + playRefusal();
        } else if (refusal == null && CommandRouter.needsHealthyNetwork(c)) {
            refusal = TrainableData.missing(trainer().data(), config().classes());
        }
        if (refusal != null) {
            refuse(commandName(c) + " refused: " + refusal);
            return;
        }
        publisher.interruptFullGrid(); // the command may change the network the grid is of
        if (timeline.scrubbing() && !CommandRouter.keepsScrubbing(c)) {
            timeline.leaveScrub(); // anything else applies to the run as it was, not to the step being shown
        }
        if (c.endsStepThrough() && stepThrough.end(c instanceof Command.Play || c instanceof Command.Step)) {
            publisher.graphs().setUnit(-1);
            publisher.refreshGraph(trainer(), null);
            message = commandName(c) + ": the step-through ended, training goes on from its whole step"; // the handler may say more
        }
        try {
            c.dispatch(router);
        } catch (IllegalArgumentException e) {
            refuse(commandName(c) + " refused: " + e.getMessage());
        }
    }

    private static String commandName(Command c) {
        return c.getClass().getSimpleName();
    }

    void refuse(String reason) {
        String why = Failures.cut(reason); // a file may put megabytes in a message
        message = why;
        problem = new Snapshot.Problem(Snapshot.Problem.Kind.REFUSED, why, ++problemSerial);
    }

    // ---- training -----------------------------------------------------------------------------

    /** Trains for one slice: as many steps as the speed allows, within {@link RunScheduler#sliceNanos()}. */
    void trainSlice() throws InterruptedException {
        run.trainSlice();
    }

    /** After a training slice, off the plane: a little of the predictions' pass. */
    void predictionsAfterSlice() {
        long p0 = clock.nanoTime();
        if (predictions.afterSlice(trainer())) {
            stats.add(EngineStats.Part.PREDICTIONS, clock.nanoTime() - p0);
        }
    }

    /** A boundary frame was recorded on the chart: the other slices take their part of the same step. */
    void frameRecorded() {
        timeline.keep(config());
        publisher.gridIfDue(trainer(), scheduler.running());
        predictions.frame(trainer(), scheduler.running());
        firstLayer.copy(trainer());
    }

    // ---- state changes ------------------------------------------------------------------------

    /** A fresh trainer on {@code data} under {@code next}, with history, grid and graph recomputed. */
    private void start(DataSplit data, TrainingConfig next) {
        TrainingLoop fresh = new TrainingLoop(new Trainer(data, next), next.snapshotEvery(), clock::nanoTime);
        fresh.setFramePerEpoch(true); // by epochs, a chart point per epoch when an epoch is shorter than the interval
        settings.use(next);
        chart.forgetOwed();
        fresh.trainer().previewForward();
        loop = fresh;
        stepThrough.end(false);
        publisher.newData(data);
        predictions.restart(true);
        chart.clear();
        timeline.clear();
        scheduler.stop();
        chart.recordNow(); // with the full grid: paused, and no coarse one pending after newData
        publisher.refreshGraph(trainer(), null);
    }

    /** Reset: a fresh network on the same points (the user's own, or the config's generated ones). */
    void restart() {
        TrainingConfig config = config();
        start(ownData != null ? ownData : Trainer.split(config), config);
    }

    /**
     * New config and points together, on a fresh network: the one way the session replaces its data
     * (generated, imported, read, opened). Everything is built before anything is replaced, so a failure
     * leaves the old ones.
     *
     * @param own the points when they are the user's (Reset keeps them), or null for generated data
     */
    void replace(TrainingConfig asked, DataSplit data, DataSplit own) {
        TrainingConfig before = config();
        // the first layer takes the data's inputs (features give way to them off the plane)
        TrainingConfig next = asked.withNetwork(ProblemRules.networkFor(asked.network(), data.all().inputs(),
                data.all().targets()));
        String tooBig = Command.appProblem(next.network());
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
        }
        Command.TracePoint traced = publisher.graphs().traced();
        forgetIndexedTrace();
        try {
            start(data, next);
        } catch (RuntimeException | Error e) {
            settings.use(before); // the old data, network and trace stay
            publisher.graphs().trace(traced);
            throw e;
        }
        settings.bumpVersion();
        ownData = own;
        edits.forget();
    }

    /**
     * Training goes on with the same weights, optimizer state and sampling on {@code data} (the
     * mini-batch order starts over: it indexes the old points). Kept states indexed the old points,
     * so the timeline starts here; the curve goes on.
     */
    void continueOn(DataSplit data) {
        TrainingConfig config = config();
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
        settings.set(next);
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
        chart.remeasure();
    }

    private boolean insideTheGrid(DataSplit data) {
        DecisionGrid g = publisher.grid();
        if (g == null) {
            return false;
        }
        double[] b = data.all().bounds();
        return b[0] >= g.minX1() && b[1] <= g.maxX1() && b[2] >= g.minX2() && b[3] <= g.maxX2();
    }

    /** A traced data point goes with the points it was a row of; a probe (no row) stays. */
    private void forgetIndexedTrace() {
        if (publisher.graphs().traced() != null && publisher.graphs().traced().index() >= 0) {
            publisher.graphs().trace(null);
        }
    }

    /**
     * After the trainer got another network (a rebuild, a load): mark the chart, measure it, lay out its graph.
     *
     * @param drawnByInit the weights were drawn by the network's init, not read from a file
     */
    void networkReplaced(String why, boolean drawnByInit) {
        chart.weightsDrawnByInit(drawnByInit); // a saturated file is the file's doing, not the init's
        trainer().previewForward();
        predictions.restart(false);
        publisher.coarseUntilSettled(); // the new network within a frame; the full grid when the hand stops
        chart.networkReplaced();
        publisher.refreshGraph(trainer(), null);
        message = why;
    }

    /** A scrubbed (or restored) state on screen: its forward values, its boundary, its graph. */
    void showRestored() {
        trainer().previewPass(); // that step's weights, the shown example's forward and backward pass
        predictions.restart(false);
        publisher.refreshGrid(trainer());
        publisher.refreshGraph(trainer(), null);
    }

    /**
     * After any Throwable escaped a command or training: paused, the step-through dropped, the user
     * told. If the model cannot even be shown any more, it is rebuilt from the config (which only
     * ever holds checked settings), and failing that from the defaults.
     */
    void recover(Throwable t, String during) {
        scheduler.stop();
        stepThrough.end(false);
        chart.forgetOwed();
        String why = "The engine hit an error while " + during + ": " + Failures.describe(t)
                + ". Training is paused; Reset starts over.";
        message = why;
        problem = new Snapshot.Problem(Snapshot.Problem.Kind.FAILED, why, ++problemSerial);
        try {
            trainer().previewForward();
            publisher.refreshGraph(trainer(), null);
        } catch (RuntimeException | Error e) {
            try {
                start(Trainer.split(config()), config());
            } catch (RuntimeException | Error e2) {
                settings.bumpVersion();
                start(Trainer.split(TrainingConfig.defaults()), TrainingConfig.defaults());
            }
        }
    }

    // ---- what the UI sees ---------------------------------------------------------------------

    /** Why Play (and Step, and stepping into a new step) is refused now, or empty. */
    private String playRefusal() {
        if (chart.divergence() != null) {
            return chart.divergence().text();
        }
        String missing = TrainableData.missing(trainer().data(), config().classes());
        return missing == null ? "" : missing;
    }

    /** The state now, each slice's part of it taken at the same moment of the engine thread. */
    Snapshot snapshot() {
        Trainer t = trainer();
        if (!scheduler.busy()) {
            firstLayer.catchUp(t); // idle: a step-through, a load or a restore moved the weights off a frame
        }
        boolean planar = t.data().all().inputs().isPlanar();
        return new Snapshot(
                new Snapshot.Run(t.steps(), scheduler.running(), config(), settings.version(), t.lastLoss(),
                        scheduler.measuredSpeed(), chart.divergence(), playRefusal(), message, problem, appliedSeq,
                        t.samplesSeen()),
                chart.view(timeline.view(), t.epochErrors()),
                new Snapshot.Boundary(publisher.grid(), publisher.gridPixels(),
                        planar ? publisher.confusion() : predictions.confusion(), publisher.curve(),
                        predictions.published(), firstLayer.published()),
                new Snapshot.Network(publisher.graphs().graph(), stepThrough.view(), publisher.graphs().traceView()),
                new Snapshot.Points(t.data(), ownData != null && !dataChoices.isRead(ownData), files.shown()));
    }
}
