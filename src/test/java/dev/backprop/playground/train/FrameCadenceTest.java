package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** While playing, boundary frames follow the engine's clock: at most one an interval, three times their cost apart. */
class FrameCadenceTest {
    @Test
    void withoutAnIntervalEveryFrameIsMeasured() {
        ManualClock clock = new ManualClock();
        FrameCadence cadence = new FrameCadence(clock);
        assertTrue(cadence.open());
        cadence.measured(clock.nanoTime(), 50_000_000L);
        assertTrue(cadence.open(), "a Step's frames are all measured, however long they take");
    }

    @Test
    void framesComeAtMostOnceAnInterval() {
        ManualClock clock = new ManualClock();
        FrameCadence cadence = new FrameCadence(clock);
        cadence.setMinInterval(20_000_000L);
        assertFalse(cadence.open(), "the interval starts with the cadence");
        clock.advanceMillis(19);
        assertFalse(cadence.open());
        clock.advanceMillis(1);
        assertTrue(cadence.open(), "20 ms after the start");
        cadence.measured(clock.nanoTime(), 1_000_000L);
        clock.advanceMillis(19);
        assertFalse(cadence.open(), "19 ms after the last frame");
        clock.advanceMillis(1);
        assertTrue(cadence.open());
    }

    @Test
    void aSlowMeasurementStretchesTheIntervalToThreeTimesItsCost() {
        ManualClock clock = new ManualClock();
        FrameCadence cadence = new FrameCadence(clock);
        cadence.setMinInterval(20_000_000L);
        cadence.measured(clock.nanoTime(), 14_000_000L); // a 4x128 network's row over 2,000 points
        clock.advanceMillis(41);
        assertFalse(cadence.open(), "41 ms < 3 x 14 ms");
        clock.advanceMillis(1);
        assertTrue(cadence.open(), "42 ms = 3 x 14 ms");
    }
}
