package dev.backprop.playground.train;

/**
 * The engine thread's clock: the cadence of frames, grids and slices reads it, so a test can step time by
 * hand instead of sleeping. {@link #SYSTEM} is System.nanoTime (the same origin as JavaFX's frame times).
 */
@FunctionalInterface
public interface EngineClock {
    EngineClock SYSTEM = System::nanoTime;

    /** Nanoseconds from an arbitrary origin: only differences mean anything. */
    long nanoTime();
}
