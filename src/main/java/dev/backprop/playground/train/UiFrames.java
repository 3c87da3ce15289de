package dev.backprop.playground.train;

/**
 * The window's frames as the engine sees them: the FX thread reports each frame's start, the engine
 * reads how many came and how many were late, and paces its training so the window keeps its 60
 * frames a second ({@link FramePacer}). One writer (the FX thread), one reader (the engine thread).
 */
public final class UiFrames {
    /** A frame interval longer than this is late: one and a half 60 Hz frames (16.7 ms), so only a frame dropped or stretched by half counts, not the timer's jitter. */
    public static final long LATE_NANOS = 25_000_000L;

    private volatile long frames;
    private volatile long late;
    private volatile long lastFrameAt;

    /** FX thread, once a frame, with the frame's start (System.nanoTime's origin). */
    public void frame(long startNanos) {
        long last = lastFrameAt;
        if (last != 0 && startNanos - last > LATE_NANOS) {
            late = late + 1; // one writer: no lost update
        }
        frames = frames + 1;
        lastFrameAt = startNanos;
    }

    /** Frames reported so far. */
    public long frames() {
        return frames;
    }

    /** Of {@link #frames()}, those that came late. */
    long late() {
        return late;
    }

    /** When the last frame started, or 0 before the first. */
    long lastFrameAt() {
        return lastFrameAt;
    }
}
