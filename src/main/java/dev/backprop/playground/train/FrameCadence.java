package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.FrameGate;

/**
 * The app's cadence of boundary frames while playing: at most one every {@link #setMinInterval interval}
 * of wall time, and at least three times what the last one took to measure apart, so that measuring a wide
 * network keeps to a quarter of the engine's time (4x128 hidden on 2,000 points: 14 ms a frame).
 * Unthrottled, a frame every 250 steps would cost more than the training (measuring 2,000 points is
 * several times 250 per-sample steps), and a chart cannot show more than a few dozen new points a second
 * anyway. An interval of 0 measures every frame, as a Step command's steps want. Engine thread only.
 */
final class FrameCadence implements FrameGate {
    private final EngineClock clock;
    private long minInterval;
    private long lastFrameAt;
    private long lastMeasureNanos;

    FrameCadence(EngineClock clock) {
        this.clock = clock;
        this.lastFrameAt = clock.nanoTime(); // the clock's origin is arbitrary: compare with a real reading
    }

    /** Frames at most this often (nanoseconds); 0: every frame. */
    void setMinInterval(long nanos) {
        minInterval = nanos;
    }

    @Override
    public boolean open() {
        return minInterval == 0 || clock.nanoTime() - lastFrameAt >= Math.max(minInterval, 3 * lastMeasureNanos);
    }

    @Override
    public void measured(long atNanos, long measuringNanos) {
        lastFrameAt = atNanos;
        lastMeasureNanos = measuringNanos;
    }
}
