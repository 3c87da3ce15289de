package dev.backprop.playground.train;

/**
 * A clock a test steps by hand (and, optionally, by a fixed tick at every reading, so a loop that runs until
 * a deadline ends after a known number of readings): the engine's cadence without sleeping.
 */
final class ManualClock implements EngineClock {
    private long now = 1_000_000_000L; // not 0: some cadences read 0 as "never"
    private final long tick;

    ManualClock() {
        this(0);
    }

    ManualClock(long tickPerReading) {
        this.tick = tickPerReading;
    }

    @Override
    public long nanoTime() {
        now += tick;
        return now;
    }

    void advance(long nanos) {
        now += nanos;
    }

    void advanceMillis(long millis) {
        advance(millis * 1_000_000L);
    }
}
