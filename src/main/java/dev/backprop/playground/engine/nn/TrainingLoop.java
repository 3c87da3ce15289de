package dev.backprop.playground.engine.nn;

/**
 * The one training loop of the project, shared by the headless {@code train} command and the app's
 * engine: steps a {@link Trainer}, measures it at every boundary frame ({@code snapshotEvery}
 * steps) and applies the one divergence rule (a non-finite batch loss, or {@link Metrics#diverged()}
 * at a frame). Once diverged it takes no more steps until {@link #clearDivergence()}.
 */
public final class TrainingLoop {
    private final Trainer trainer;
    private final int snapshotEvery;
    private String divergence = "";
    private long divergedAt = -1;
    private long measuringNanos;
    private long lastMeasureNanos;
    private boolean deferFrames;
    private boolean frameDue;
    private long minFrameNanos;
    private long lastFrameNanos;

    public TrainingLoop(Trainer trainer, int snapshotEvery) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshot interval must be at least 1, got " + snapshotEvery);
        }
        this.trainer = trainer;
        this.snapshotEvery = snapshotEvery;
        this.lastFrameNanos = System.nanoTime(); // nanoTime's origin is arbitrary: compare with a real reading
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

    /**
     * Takes up to {@code maxSteps} steps, returning early after a boundary frame (with its metrics),
     * at divergence (with the metrics then), or once {@code System.nanoTime()} passes
     * {@code deadlineNanos} (checked every step, so a slow network still returns promptly).
     */
    public Advance advance(long maxSteps, long deadlineNanos) {
        long done = 0;
        while (done < maxSteps && !diverged()) {
            double loss = trainer.step();
            done++;
            if (!Double.isFinite(loss)) {
                Metrics m = measure();
                diverge(m.diverged() ? m.divergenceReason() : "the loss of step " + trainer.steps() + " became " + loss);
                return new Advance(done, m);
            }
            if (trainer.steps() % snapshotEvery == 0 && frameAllowed()) {
                if (deferFrames) {
                    frameDue = true;
                    return new Advance(done, null);
                }
                return new Advance(done, frame());
            }
            if ((done & 15) == 0 && System.nanoTime() - deadlineNanos > 0) { // the clock costs as much as a tiny step
                break;
            }
        }
        return new Advance(done, null);
    }

    /**
     * Measures boundary frames at most this often in wall time; frames due sooner are skipped (a
     * non-finite loss still stops the loop at once). 0, the default, measures every frame, as the
     * {@code train} command must. The app sets it: unthrottled, a frame every 250 steps would cost
     * more than the training (measuring 2,000 points is several times 250 per-sample steps), and a
     * chart cannot show more than a few dozen new points a second anyway. The interval also stretches
     * to three times what the last measurement took, so measuring a wide network keeps to a quarter of
     * the time (4x128 hidden on 2,000 points: 14 ms a frame).
     */
    public void setMinFrameInterval(long nanos) {
        minFrameNanos = nanos;
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

    private boolean frameAllowed() {
        return minFrameNanos == 0
                || System.nanoTime() - lastFrameNanos >= Math.max(minFrameNanos, 3 * lastMeasureNanos);
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
        lastFrameNanos = System.nanoTime();
        // no training point (an emptied plane): the NaN loss means "nothing measured", not a blow-up
        if (m.diverged() && trainer.data().train().size() > 0) {
            diverge(m.divergenceReason());
        }
        return m;
    }

    private Metrics measure() {
        long t0 = System.nanoTime();
        Metrics m = trainer.evaluate();
        lastMeasureNanos = System.nanoTime() - t0;
        measuringNanos += lastMeasureNanos;
        return m;
    }

    /** Time spent measuring (not training) so far: a training speed leaves it out. */
    public long measuringNanos() {
        return measuringNanos;
    }

    /** True when the step count is on a boundary frame. */
    public boolean onFrame() {
        return trainer.steps() % snapshotEvery == 0;
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
