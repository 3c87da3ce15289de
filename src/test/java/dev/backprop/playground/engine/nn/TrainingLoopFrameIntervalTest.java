package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Frames measured by the clock (the app while playing) or at every boundary (the train command). */
class TrainingLoopFrameIntervalTest {
    private static final long FAR = Long.MAX_VALUE / 4;

    @Test
    void byDefaultEveryBoundaryIsAFrame() {
        TrainingLoop loop = new TrainingLoop(Trainer.fromConfig(TrainingConfig.defaults()), 250);
        TrainingLoop.Advance a = loop.advance(1000, System.nanoTime() + FAR);
        assertEquals(250, a.steps());
        assertNotNull(a.frame());
        assertEquals(250, a.frame().step());
    }

    @Test
    void withAnIntervalNotYetPassedBoundariesAreSkipped() {
        TrainingLoop loop = new TrainingLoop(Trainer.fromConfig(TrainingConfig.defaults()), 250);
        loop.setMinFrameInterval(3_600_000_000_000L); // an hour: no frame is due in this test
        TrainingLoop.Advance a = loop.advance(1000, System.nanoTime() + FAR);
        assertEquals(1000, a.steps(), "no boundary stopped the loop");
        assertNull(a.frame());
        assertEquals(0, loop.measuringNanos(), "nothing was measured");
        loop.setMinFrameInterval(0);
        TrainingLoop.Advance b = loop.advance(1000, System.nanoTime() + FAR);
        assertEquals(250, b.steps());
        assertEquals(1250, b.frame().step());
    }
}
