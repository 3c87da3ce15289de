package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Beside a window whose frames come late, the engine rests; on time, it rests less; never over half its time. */
class FramePacerTest {
    /** 60 frames a second, 15 to an adjustment window. */
    private static final long FRAME = FramePacer.WINDOW_NANOS / 15;
    private static final long SLICE = 5_000_000L;

    private final ManualClock clock = new ManualClock();
    private final UiFrames frames = new UiFrames();
    private final FramePacer pacer = new FramePacer(frames, clock);

    /** A first frame and a first slice: the count of the first window begins. */
    private void start() {
        frames.frame(clock.nanoTime());
        assertEquals(0, pacer.restAfter(SLICE));
    }

    /** One adjustment window of frames {@code interval} apart, then the slice that ends it: the rest after it. */
    private long window(long interval) {
        long n = FramePacer.WINDOW_NANOS / interval;
        for (long i = 0; i < n; i++) {
            clock.advance(interval);
            frames.frame(clock.nanoTime());
        }
        clock.advance(FramePacer.WINDOW_NANOS - n * interval);
        return pacer.restAfter(SLICE);
    }

    @Test
    void withoutAWindowNothingChanges() {
        assertFalse(pacer.windowShown());
        assertEquals(0, pacer.restAfter(SLICE));
        assertEquals(RunScheduler.SLICE_NANOS, pacer.sliceNanos(RunScheduler.SLICE_NANOS));
    }

    @Test
    void framesOnTimeCostTheEngineNothing() {
        start();
        for (int i = 0; i < 20; i++) {
            assertEquals(0, window(FRAME));
        }
        assertEquals(0, pacer.rest());
        assertTrue(pacer.windowShown());
        assertEquals(RunScheduler.SLICE_NANOS, pacer.sliceNanos(RunScheduler.SLICE_NANOS), "full slices");
    }

    @Test
    void lateFramesRaiseTheRestUpToHalfTheTime() {
        start();
        window(40_000_000L);
        assertEquals(FramePacer.REST_UP, pacer.rest(), 1e-12);
        assertEquals(FramePacer.SHORT_SLICE_NANOS, pacer.sliceNanos(RunScheduler.SLICE_NANOS), "short slices while resting");
        for (int i = 0; i < 20; i++) {
            window(40_000_000L);
        }
        assertEquals(FramePacer.MAX_REST, pacer.rest(), 1e-12, "never more than half");
        // rest / (train + rest) = 1/2: as long a rest as the slice trained
        assertEquals(SLICE, pacer.restAfter(SLICE));
        assertEquals(FramePacer.SHORT_SLICE_NANOS, pacer.restAfter(300_000_000L), "a long slice buys no longer a rest");
    }

    @Test
    void framesOnTimeAgainLowerTheRestStepByStep() {
        start();
        window(40_000_000L);
        window(40_000_000L);
        assertEquals(0.2, pacer.rest(), 1e-12);
        window(FRAME); // its first frame still came late (26.7 ms after the last slow one): one in 15, no change
        assertEquals(0.2, pacer.rest(), 1e-12);
        window(FRAME);
        assertEquals(0.2 - FramePacer.REST_DOWN, pacer.rest(), 1e-12);
        for (int i = 0; i < 20; i++) {
            window(FRAME);
        }
        assertEquals(0, pacer.rest(), 1e-12);
    }

    @Test
    void aStalledWindowCountsAsLate() {
        start();
        window(FRAME);
        clock.advance(FramePacer.WINDOW_NANOS); // no frame for a quarter of a second, the window still open
        pacer.restAfter(SLICE);
        assertEquals(FramePacer.REST_UP, pacer.rest(), 1e-12);
    }

    @Test
    void aWindowGoneForASecondStopsThePacing() {
        start();
        window(40_000_000L);
        assertTrue(pacer.rest() > 0);
        clock.advance(FramePacer.FRAMES_GONE_NANOS);
        assertEquals(0, pacer.restAfter(SLICE));
        assertEquals(0, pacer.rest());
    }

    @Test
    void oneLateFrameInAWindowIsJitterNotLoad() {
        start();
        window(40_000_000L);
        assertEquals(FramePacer.REST_UP, pacer.rest(), 1e-12);
        clock.advance(30_000_000L);
        frames.frame(clock.nanoTime()); // one late frame among fifteen
        for (int i = 0; i < 13; i++) {
            clock.advance(FRAME);
            frames.frame(clock.nanoTime());
        }
        clock.advance(FramePacer.WINDOW_NANOS - 30_000_000L - 13 * FRAME);
        pacer.restAfter(SLICE);
        assertEquals(FramePacer.REST_UP, pacer.rest(), 1e-12, "one late frame in 15 leaves the rest as it was");
    }
}
