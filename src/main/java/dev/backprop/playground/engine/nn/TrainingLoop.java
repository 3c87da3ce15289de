package dev.backprop.playground.engine.nn;

import java.util.function.LongSupplier;

/**
 * The one training loop of the project, shared by the headless {@code train} command and the app's
 * engine: steps a {@link Trainer}, measures it at every boundary frame ({@code snapshotEvery}
 * steps) and applies the one divergence rule (a non-finite batch loss, or {@link Metrics#diverged()}
 * at a frame). Once diverged it takes no more steps until {@link #clearDivergence()}. Time comes from the
 * clock it is given (slices end by it and measuring is timed by it), and which frames are measured is the
 * {@link FrameGate}'s decision: the engine reads no wall clock and keeps no cadence of its own.
 */
public final class TrainingLoop {
    private final Trainer trainer;
    private final int snapshotEvery;
    private final LongSupplier clock;
    private FrameGate gate = FrameGate.EVERY_FRAME;
    private String divergence = "";
    private long divergedAt = -1;
    private long measuringNanos;
    private long lastMeasureNanos;
    private boolean deferFrames;
    private boolean frameDue;
    private boolean framePerEpoch;

    /** @param clock nanoseconds from any origin (System::nanoTime, or a test's hand-stepped clock) */
    public TrainingLoop(Trainer trainer, int snapshotEvery, LongSupplier clock) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshot interval must be at least 1, got " + snapshotEvery);
        }
        this.trainer = trainer;
        this.snapshotEvery = snapshotEvery;
        this.clock = clock;
    }

    /**
     * What one call of {@link #advance} did.
     *
     * @param steps steps taken
     * @param frame the metrics measured at a boundary frame or at divergence, or null
     */
    public record Advance(long steps, Metrics frame) {
    }

    public Trainer trainer() {
        return trainer;
    }

    /** Multiply-adds of a forward pass (weights x batch) above which a step is checked against the clock alone: about 0.3 ms. */
    static final long WIDE_STEP_MACS = 1_000_000L;

    /**
     * Takes up to {@code maxSteps} steps, returning early after a boundary frame (with its metrics),
     * at divergence (with the metrics then), or once the clock passes {@code deadlineNanos} (read every 16
     * steps, after every step of a wide network, so a slow network still returns promptly).
     */
    public Advance advance(long maxSteps, long deadlineNanos) {
        long done = 0;
        // a tiny step is checked against the clock every 16 steps; a wide one (784-512-10 on a batch of
        // 64 takes milliseconds) after every step, so a command waits at most one step
        long mask = trainer.network().parameterCount() * trainer.batchSize() > WIDE_STEP_MACS ? 0 : 15;
        while (done < maxSteps && !diverged()) {
            double loss = trainer.step();
            done++;
            if (!Double.isFinite(loss)) {
                Metrics m = measure();
                diverge(m.diverged() ? m.divergenceReason() : "the loss of step " + trainer.steps() + " became " + loss);
                return new Advance(done, m);
            }
            if (onFrame() && gate.open()) {
                if (deferFrames) {
                    frameDue = true;
                    return new Advance(done, null);
                }
                return new Advance(done, frame());
            }
            if ((done & mask) == 0 && clock.getAsLong() - deadlineNanos > 0) { // the clock costs as much as a tiny step
                break;
            }
        }
        return new Advance(done, null);
    }

    /**
     * Which boundary frames are measured: {@link FrameGate#EVERY_FRAME} (the default, as the {@code train}
     * command must) or the app's cadence; a frame the gate skips is not measured (a non-finite loss still
     * stops the loop at once).
     */
    public void setFrameGate(FrameGate gate) {
        this.gate = gate;
    }

    /**
     * The app, for a network whose frames take longer than a frame to measure: at a frame's step
     * {@link #advance} returns without measuring and {@link #takeFrameDue} says so; the caller measures it
     * a block at a time ({@link Trainer#beginEvaluation}) and hands it to {@link #frame(Metrics, long)}
     * before it advances again. Off (the default, and the {@code train} command's), frames are measured here.
     */
    public void setDeferFrames(boolean defer) {
        deferFrames = defer;
    }

    /** Whether the last {@link #advance} stopped at a frame it left to the caller; true once per such frame. */
    public boolean takeFrameDue() {
        boolean due = frameDue;
        frameDue = false;
        return due;
    }

    /** Measures the network now and applies the divergence rule to the measurement. */
    public Metrics frame() {
        return applyFrame(measure());
    }

    /**
     * A frame of metrics measured elsewhere ({@link Trainer#beginEvaluation}) in {@code measuringNanos},
     * with the divergence rule applied; its time counts as {@link #frame()}'s own would.
     */
    public Metrics frame(Metrics m, long measuringNanos) {
        lastMeasureNanos = measuringNanos;
        this.measuringNanos += measuringNanos;
        return applyFrame(m);
    }

    private Metrics applyFrame(Metrics m) {
        gate.measured(clock.getAsLong(), lastMeasureNanos);
        // no training point (an emptied plane): the NaN loss means "nothing measured", not a blow-up
        if (m.diverged() && trainer.data().train().size() > 0) {
            diverge(m.divergenceReason());
        }
        return m;
    }

    private Metrics measure() {
        long t0 = clock.getAsLong();
        Metrics m = trainer.evaluate();
        lastMeasureNanos = clock.getAsLong() - t0;
        measuringNanos += lastMeasureNanos;
        return m;
    }

    /** Time spent measuring (not training) so far: a training speed leaves it out. */
    public long measuringNanos() {
        return measuringNanos;
    }

    /** True when the step count is on a boundary frame. */
    public boolean onFrame() {
        return trainer.steps() % frameEvery() == 0;
    }

    /**
     * The app's: while the set is walked by epochs and an epoch is shorter than the snapshot interval,
     * a boundary frame at every epoch's end (a full batch: every step), so the chart has seed 004's point
     * per epoch. Off (the default, and the {@code train} command's, which sets its own interval).
     */
    public void setFramePerEpoch(boolean on) {
        framePerEpoch = on;
    }

    private long frameEvery() {
        return framePerEpoch && trainer.byEpoch() ? Math.min(snapshotEvery, trainer.stepsPerEpoch()) : snapshotEvery;
    }

    private void diverge(String why) {
        divergence = why;
        divergedAt = trainer.steps();
    }

    public boolean diverged() {
        return !divergence.isEmpty();
    }

    /** Why the run diverged ("the loss became NaN"...), or empty. */
    public String divergence() {
        return divergence;
    }

    /** The step at which it diverged, or -1. */
    public long divergedAt() {
        return divergedAt;
    }

    /** After the network was replaced or repaired: training may go on. */
    public void clearDivergence() {
        divergence = "";
        divergedAt = -1;
    }
}
