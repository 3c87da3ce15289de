package dev.backprop.playground.train;

/**
 * When the engine trains and how much: playing or paused, the steps still asked for by a Step
 * command, the speed (a credit of steps that grows with wall time), and the speed measured.
 * Engine thread only.
 */
final class RunScheduler {
    /** Longest stretch of training between two looks at the queue, so commands apply promptly. */
    static final long SLICE_NANOS = 20_000_000L;

    private boolean running;
    private long stepsToTake;
    private double speed = TrainingSession.DEFAULT_SPEED;
    private double stepCredit;
    private long lastTick;
    private double measuredSpeed;
    private long speedWindowStart;
    private long speedWindowSteps;

    boolean running() {
        return running;
    }

    /** Playing, or steps still to take. */
    boolean busy() {
        return running || stepsToTake > 0;
    }

    void play() {
        running = true;
        lastTick = System.nanoTime();
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
        lastTick = System.nanoTime();
        stepCredit = 0;
    }

    /** Steps the speed allows now: the steps asked for when paused, the credit when playing. */
    long stepsDue(long now) {
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
        if (!running) {
            stepsToTake = Math.max(0, stepsToTake - done);
        }
        stepCredit -= done;
    }

    /** Throughput over wall time (sleeps included), refreshed every half second. */
    void measure(long totalSteps) {
        long now = System.nanoTime();
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
