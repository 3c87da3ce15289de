package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine rests for the window only after a slice that trained flat out; a throttled run keeps its pace. */
class RunSchedulerRestTest {
    private final ManualClock clock = new ManualClock();
    private final UiFrames frames = new UiFrames();
    private final RunScheduler scheduler = new RunScheduler(clock);
    private int lowered;

    /** Frames 40 ms apart (25 a second) for a second, with one slice of at most {@code trained} steps every frame. */
    private long lateSecond(long trained) {
        long rest = 0;
        for (int i = 0; i < 25; i++) {
            clock.advanceMillis(40);
            frames.frame(clock.nanoTime());
            long due = scheduler.stepsDue(clock.nanoTime());
            clock.advanceMillis(5);
            scheduler.took(Math.min(due, trained));
            rest = scheduler.restNanos();
        }
        return rest;
    }

    @Test
    void flatOutBesideLateFramesTheEngineRests() {
        scheduler.pacedBy(frames, () -> lowered++);
        scheduler.setSpeed(TrainingSession.UNTHROTTLED);
        scheduler.play();
        long rest = lateSecond(10_000);
        assertEquals(1, lowered, "the engine thread's priority is lowered once");
        assertTrue(scheduler.restShare() > 0, "late frames: the engine leaves some time");
        // rest / (train + rest) is the share; the slice trained 5 ms
        assertEquals((long) (5_000_000L * scheduler.restShare() / (1 - scheduler.restShare())), rest);
        assertEquals(FramePacer.SHORT_SLICE_NANOS, scheduler.sliceNanos());
    }

    @Test
    void aThrottledRunThatTookAllItsStepsNeverRests() {
        scheduler.pacedBy(frames, () -> lowered++);
        scheduler.setSpeed(2500);
        scheduler.play();
        assertEquals(0, lateSecond(Long.MAX_VALUE));
        assertEquals(0, lowered, "a throttled run keeps its priority");
        assertEquals(0, scheduler.restShare());
        assertEquals(RunScheduler.SLICE_NANOS, scheduler.sliceNanos());
    }

    @Test
    void withoutAWindowTheEngineNeverRests() {
        scheduler.setSpeed(TrainingSession.UNTHROTTLED);
        scheduler.play();
        assertEquals(0, lateSecond(10_000));
        assertEquals(RunScheduler.SLICE_NANOS, scheduler.sliceNanos());
    }
}
