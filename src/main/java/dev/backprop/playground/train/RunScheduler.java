package dev.backprop.playground.train;

/**
 * When the engine trains and how much: playing or paused, the steps still asked for by a Step
 * command, the speed (a credit of steps that grows with wall time), the speed measured, and, beside a
 * window, how long a slice may be and how long to rest after it ({@link FramePacer}). Engine thread only;
 * time is the injected {@link EngineClock}'s.
 */
final class RunScheduler {
    /** Longest stretch of training between two looks at the queue, so commands apply promptly. */
    static final long SLICE_NANOS = 20_000_000L;

    private final EngineClock clock;
    private boolean running;
    private long stepsToTake;
    private double speed = TrainingSession.DEFAULT_SPEED;
    private double stepCredit;
    private long lastTick;
    private double measuredSpeed;
    private long speedWindowStart;
    private long speedWindowSteps;
    /** Paces training by the window's frames; null without one. */
    private FramePacer pacer;
    /** Lowers the engine thread's priority (once, when it first rests for a window); the session's is the OS's. */
    private Runnable lowerPriority = () -> { };
    private boolean priorityLowered;
    /** The last slice: when it began, the steps due and the steps taken. */
    private long sliceStart;
    private long sliceDue;
    private long sliceDone;

    RunScheduler(EngineClock clock) {
        this.clock = clock;
    }

    /**
     * Beside a window that reports its frames to {@code frames}: slices and rests leave it the time for them,
     * and the first slice that trains flat out beside it runs {@code lowerPriority} on the engine thread.
     */
    void pacedBy(UiFrames frames, Runnable lowerPriority) {
        pacer = new FramePacer(frames, clock);
        this.lowerPriority = lowerPriority;
    }

    boolean running() {
        return running;
    }

    /** Playing, or steps still to take. */
    boolean busy() {
        return running || stepsToTake > 0;
    }

    void play() {
        running = true;
        lastTick = clock.nanoTime();
        stepCredit = 0;
        speedWindowStart = 0;
    }

    /** Paused, nothing left to take: the state after a pause, a divergence or a failure. */
    void stop() {
        running = false;
        stepsToTake = 0;
    }

    void addSteps(long steps) {
        running = false;
        stepsToTake = Math.min(Command.MAX_STEPS, stepsToTake + steps);
    }

    void setSpeed(double stepsPerSecond) {
        speed = stepsPerSecond;
        lastTick = clock.nanoTime();
        stepCredit = 0;
    }

    /** Longest stretch of training now: {@link #SLICE_NANOS}, shorter while resting for a window's frames. */
    long sliceNanos() {
        return pacer == null ? SLICE_NANOS : pacer.sliceNanos(SLICE_NANOS);
    }

    /** Steps the speed allows now: the steps asked for when paused, the credit when playing. */
    long stepsDue(long now) {
        sliceStart = now;
        sliceDue = dueAt(now);
        return sliceDue;
    }

    private long dueAt(long now) {
        if (!running) {
            return stepsToTake;
        }
        if (speed == TrainingSession.UNTHROTTLED) {
            return Long.MAX_VALUE;
        }
        // at most a tenth of a second's worth: a stall does not turn into a burst
        stepCredit = Math.min(stepCredit + speed * (now - lastTick) / 1e9, Math.max(1, speed / 10));
        lastTick = now;
        return (long) Math.floor(stepCredit);
    }

    /** Books {@code done} steps taken, of those due. */
    void took(long done) {
        sliceDone = done;
        if (!running) {
            stepsToTake = Math.max(0, stepsToTake - done);
        }
        stepCredit -= done;
    }

    /**
     * How long to leave the CPU after the slice just taken, 0 unless it trained flat out (stopped by time, not
     * by the speed) beside a window whose frames came late. The first flat-out slice beside a window also
     * lowers this thread's priority. Call on the engine thread, after publishing the slice's snapshot.
     */
    long restNanos() {
        if (pacer == null || sliceDone >= sliceDue || sliceDone == 0) {
            return 0;
        }
        if (!priorityLowered && pacer.windowShown()) {
            priorityLowered = true;
            lowerPriority.run();
        }
        return pacer.restAfter(clock.nanoTime() - sliceStart);
    }

    /** The share of time the engine leaves the window while training flat out (0 without one). */
    double restShare() {
        return pacer == null ? 0 : pacer.rest();
    }

    /** Throughput over wall time (sleeps included), refreshed every half second. */
    void measure(long totalSteps) {
        long now = clock.nanoTime();
        if (speedWindowStart == 0) {
            speedWindowStart = now;
            speedWindowSteps = totalSteps;
        } else if (now - speedWindowStart >= 500_000_000L) {
            measuredSpeed = (totalSteps - speedWindowSteps) / ((now - speedWindowStart) / 1e9);
            speedWindowStart = now;
            speedWindowSteps = totalSteps;
        }
    }

    double measuredSpeed() {
        return running ? measuredSpeed : 0;
    }

    /** Throttled with nothing due: sleeps until about the next step (1 to 20 ms) instead of spinning. */
    void sleepUntilNextStep() throws InterruptedException {
        double missing = 1 - stepCredit;
        long nanos = (long) Math.min(20_000_000L, Math.max(1_000_000L, missing / speed * 1e9));
        Thread.sleep(nanos / 1_000_000L);
    }
}
