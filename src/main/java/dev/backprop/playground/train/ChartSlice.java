package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.EpochErrors;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.nn.TrainingLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart slice of the engine thread: the metrics rows, the steps the network was rebuilt at, a wide
 * network's row owed (measured a block of points at a time) and the divergence verdict. A boundary
 * frame ({@link #record}) is where the other slices take their part of the same step: the timeline
 * keeps the state, the boundary and the predictions follow, the first layer is copied.
 */
final class ChartSlice {
    /**
     * Multiply-adds (weights x points) of a metrics row measured at once after a rebuild: a wider
     * network's row is owed until the hand stops ({@link #advanceOwed}), so the new network shows
     * within a frame. 2-50-1 on 2,000 points: 0.4M; 4x128: 100M, 28 ms here.
     */
    static final long REBUILD_ROW_BUDGET = 30_000_000L;

    private final SessionEngine session;
    private final MetricsLog history = new MetricsLog();
    private final List<Long> rebuilds = new ArrayList<>();
    /** A rebuild's (or a wide network's frame's) metrics row being measured a block of points at a time, or null. */
    private Trainer.Evaluation owed;
    /** Why training blew up, or null. */
    private Divergence divergence;
    /** Whether the network's weights were drawn by its init (start, rebuild), not loaded from a file. */
    private boolean drawnByInit = true;

    ChartSlice(SessionEngine session) {
        this.session = session;
    }

    /** The chart's part of the snapshot, with the timeline's and the perceptron's error counts. */
    Snapshot.Chart view(Snapshot.TimelineView timeline, EpochErrors.View epochErrors) {
        return new Snapshot.Chart(history.view(), List.copyOf(rebuilds), timeline, epochErrors);
    }

    Divergence divergence() {
        return divergence;
    }

    /** A fresh network on new points: no row, mark or verdict of the old one stays. */
    void clear() {
        drawnByInit = true;
        owed = null;
        history.clear();
        rebuilds.clear();
        divergence = null;
    }

    /** Whether the weights now were drawn by the init (a rebuild) or come from a file (a load, a run). */
    void weightsDrawnByInit(boolean drawn) {
        drawnByInit = drawn;
    }

    /** Training goes on from another state (a resumed step, an opened run): no divergence after it yet. */
    void clearDivergence() {
        divergence = null;
        session.loop().clearDivergence();
    }

    /** A boundary frame measured by the loop: a metrics row, a grid if due, and divergence. */
    void record(Metrics m) {
        history.add(m);
        session.frameRecorded();
        TrainingLoop loop = session.loop();
        if (loop.diverged()) {
            session.scheduler().stop();
            session.publisher().settle();
            long built = rebuilds.isEmpty() ? 0 : rebuilds.get(rebuilds.size() - 1);
            TrainingConfig config = session.config();
            // not one step taken on this network: its initial weights are the cause, not the learning rate
            boolean init = loop.divergedAt() == built && drawnByInit && config.network().init().equals(Initializer.NORMAL);
            divergence = new Divergence(init ? Divergence.Cause.INIT : Divergence.Cause.LEARNING_RATE,
                    loop.divergedAt(), loop.divergence(), config.learningRate(), config.network().init().id());
            session.publisher().refreshGraph(session.trainer(), session.stepper());
        }
    }

    /** The loop's frame as of now, recorded. */
    void recordNow() {
        record(session.loop().frame());
    }

    /** A step-through step ran the update just now (not merely shown again after a step back): the chart moves on. */
    void recordIfUpdated(long stepsBefore) {
        if (session.trainer().steps() != stepsBefore && session.loop().onFrame()) {
            recordNow();
        }
    }

    /**
     * Stopped (a Step done, a pause) after boundary frames were skipped for time
     * ({@link RunSlice#FRAME_INTERVAL_NANOS}) or between two of them: the chart, the status line and the
     * boundary get a row at the very step reached, off the 250-step cadence if need be, so what is shown is
     * the network shown.
     */
    void catchUp() {
        if (owed != null) {
            return; // the row of this very step is being measured
        }
        List<Metrics> rows = history.view();
        if (!rows.isEmpty() && rows.get(rows.size() - 1).step() < session.trainer().steps()
                && !session.loop().diverged()) {
            if (rowIsWide()) {
                owe(); // measured a block at a time, as a wide network's frames
            } else {
                recordNow();
            }
        }
    }

    /** The step of the last boundary frame at or before the trainer's step. */
    long lastFrameStep() {
        long steps = session.trainer().steps();
        return steps - steps % session.config().snapshotEvery();
    }

    /** Whether the last row is the last boundary frame's (the paused boundary must show it). */
    boolean lastRowIsLastFrame() {
        List<Metrics> rows = history.view();
        return rows.get(rows.size() - 1).step() == lastFrameStep();
    }

    /** The trainer got another network: one chart mark per step, and its row now or owed. */
    void networkReplaced() {
        long step = session.trainer().steps();
        if (rebuilds.isEmpty() || rebuilds.get(rebuilds.size() - 1) != step) {
            rebuilds.add(step); // one chart mark per step, however many rebuilds a drag made
        }
        clearDivergence();
        if (!rowIsWide()) {
            owed = null;
            recordNow();
        } else {
            // measuring every point takes longer than a frame: the row when the hand stops, in blocks
            owed = session.trainer().beginEvaluation();
            session.publisher().gridIfDue(session.trainer(), session.scheduler().running());
        }
    }

    /**
     * The chart's row at this step measured again, on the points now trained on: the status line's loss
     * and accuracy are never the old points' (an emptied plane measures nothing: NaN, shown as a dash).
     */
    void remeasure() {
        if (rowIsWide()) {
            owed = session.trainer().beginEvaluation(); // too long for a command: measured a block at a time
            return;
        }
        history.dropLastIfAt(session.trainer().steps());
        recordNow();
    }

    /** Training found a frame too wide to measure within it: training waits for the row, commands do not. */
    void owe() {
        owed = session.trainer().beginEvaluation();
    }

    /** Whether measuring a metrics row of this network on these points takes longer than a frame. */
    boolean rowIsWide() {
        Trainer t = session.trainer();
        return t.network().parameterCount() * t.data().all().size() > REBUILD_ROW_BUDGET;
    }

    /**
     * Records the metrics row a wide network's rebuild (or training frame) left owed (its chart point at
     * the rebuild's step, and the divergence rule on it); true if there was one. Paid when the hand stops,
     * before training goes on, and before any command but another rebuild.
     */
    boolean payOwed() {
        return owed != null && measureOwed(Long.MAX_VALUE, true);
    }

    /** Whether a rebuild's metrics row is still to be measured. */
    boolean owes() {
        return owed != null;
    }

    /** Drops the owed row (a failure is not met again at every cycle and command). */
    void forgetOwed() {
        owed = null;
    }

    /**
     * Measures the owed row until {@code deadline} (System.nanoTime; a block of points at least) and
     * records it once done: true then. Nothing else may change the network meanwhile: every command
     * but a rebuild, and training, pay it first ({@link #payOwed}).
     */
    boolean advanceOwed(long deadline) {
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
                record(session.loop().frame(m, row.nanos()));
            }
            return done;
        } catch (RuntimeException | Error e) {
            owed = null; // a failure is not met again at every cycle and command
            throw e;
        } finally {
            session.stats().add(EngineStats.Part.METRICS, row.nanos() - before);
        }
    }

    /** Drops the history after {@code step} (and its rebuild marks); returns the rows dropped. */
    List<Metrics> truncateAfter(long step) {
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

    /** An opened run's rows replace the fresh network's. */
    void replaceRows(List<Metrics> rows) {
        history.clear();
        for (Metrics m : rows) {
            history.add(m);
        }
    }

    /** The chart starts at the trainer's step (an opened experiment's saved state). */
    void startHere() {
        history.clear();
        recordNow();
    }
}
