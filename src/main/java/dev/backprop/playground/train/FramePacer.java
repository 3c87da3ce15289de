package dev.backprop.playground.train;

/**
 * Training at full speed beside a window: the engine leaves the CPU for part of the time when the window's
 * frames come late, so the FX thread, Prism's renderer and the X server get a frame every 16.7 ms even on two
 * cores. A duty cycle that adapts: every {@link #WINDOW_NANOS} the share of late frames ({@link UiFrames})
 * raises the rest by {@link #REST_UP}, a window without a late frame lowers it by {@link #REST_DOWN}
 * (additive both ways: a late frame costs more than a few percent of training). The rest never exceeds
 * {@link #MAX_REST}, so the engine keeps at least half of its time whatever else loads the machine; while
 * resting, slices shorten to {@link #SHORT_SLICE_NANOS} so the rests fall between frames, not across them.
 * Without a window (tests, {@code bench}) nothing reports frames and nothing changes. Engine thread only.
 */
final class FramePacer {
    /** How often the rest is adjusted: about 15 frames, enough to count late ones. */
    static final long WINDOW_NANOS = 250_000_000L;
    /** A window this old without a frame is gone (closed, hidden, or the app never had one): no pacing. */
    static final long FRAMES_GONE_NANOS = 1_000_000_000L;
    /** A window whose last frame began this long ago is stalled: as late as a late frame. */
    static final long STALLED_NANOS = 2 * UiFrames.LATE_NANOS;
    static final double MAX_REST = 0.5;
    static final double REST_UP = 0.1;
    static final double REST_DOWN = 0.02;
    /** A window may have this share of late frames (one in ten: timer jitter, a GC) before the engine rests more. */
    static final double LATE_ALLOWED = 0.1;
    static final long SHORT_SLICE_NANOS = 5_000_000L;

    private final UiFrames frames;
    private final EngineClock clock;
    private double rest;
    private long windowStart;
    private long windowFrames;
    private long windowLate;

    FramePacer(UiFrames frames, EngineClock clock) {
        this.frames = frames;
        this.clock = clock;
    }

    /** The share of wall time the engine leaves while training flat out, 0 to {@link #MAX_REST}. */
    double rest() {
        return rest;
    }

    /** Whether a window has reported frames lately. */
    boolean windowShown() {
        long last = frames.lastFrameAt();
        return last != 0 && clock.nanoTime() - last < FRAMES_GONE_NANOS;
    }

    /** The longest slice of training now: the scheduler's own, or a short one while resting. */
    long sliceNanos(long longest) {
        return rest > 0 ? Math.min(longest, SHORT_SLICE_NANOS) : longest;
    }

    /**
     * After a slice that trained flat out for {@code trainedNanos}: adjusts the rest when a window has passed
     * and returns how long to leave the CPU now, so that rest / (train + rest) is the rest share (counting at
     * most {@link #SHORT_SLICE_NANOS} of training: the rest never exceeds one short slice).
     */
    long restAfter(long trainedNanos) {
        long now = clock.nanoTime();
        if (!windowShown()) {
            rest = 0;
            windowStart = 0;
            return 0;
        }
        if (windowStart == 0) {
            startWindow(now);
        } else if (now - windowStart >= WINDOW_NANOS) {
            long n = frames.frames() - windowFrames;
            long late = frames.late() - windowLate;
            boolean stalled = now - frames.lastFrameAt() > STALLED_NANOS;
            if (stalled || late > LATE_ALLOWED * Math.max(1, n)) {
                rest = Math.min(MAX_REST, rest + REST_UP);
            } else if (late == 0) {
                rest = Math.max(0, rest - REST_DOWN);
            }
            startWindow(now);
        }
        // at most a short slice's worth: a slice stretched by a grid or by other processes does not buy a long rest
        return rest == 0 ? 0 : (long) (Math.min(trainedNanos, SHORT_SLICE_NANOS) * rest / (1 - rest));
    }

    private void startWindow(long now) {
        windowStart = now;
        windowFrames = frames.frames();
        windowLate = frames.late();
    }
}
