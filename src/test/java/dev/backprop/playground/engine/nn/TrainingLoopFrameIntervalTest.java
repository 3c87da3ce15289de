package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames measured at every boundary (the train command) or when the caller's gate opens (the app while playing). */
class TrainingLoopFrameIntervalTest {
    private static final long FAR = Long.MAX_VALUE / 4;

    /** A clock that reads 0, 1, 2, ... microseconds: time passes only as the loop reads it. */
    private static final class Counter {
        private long readings;

        long read() {
            return 1000 * readings++;
        }
    }

    @Test
    void byDefaultEveryBoundaryIsAFrame() {
        TrainingLoop loop = new TrainingLoop(Trainer.fromConfig(TrainingConfig.defaults()), 250, new Counter()::read);
        TrainingLoop.Advance a = loop.advance(1000, FAR);
        assertEquals(250, a.steps());
        assertNotNull(a.frame());
        assertEquals(250, a.frame().step());
    }

    @Test
    void aClosedGateSkipsBoundariesAndAnOpenOneMeasuresThem() {
        TrainingLoop loop = new TrainingLoop(Trainer.fromConfig(TrainingConfig.defaults()), 250, new Counter()::read);
        boolean[] open = {false};
        List<long[]> told = new ArrayList<>();
        loop.setFrameGate(new FrameGate() {
            @Override
            public boolean open() {
                return open[0];
            }

            @Override
            public void measured(long atNanos, long measuringNanos) {
                told.add(new long[] {atNanos, measuringNanos});
            }
        });
        TrainingLoop.Advance a = loop.advance(1000, FAR);
        assertEquals(1000, a.steps(), "no boundary stopped the loop");
        assertNull(a.frame());
        assertEquals(0, loop.measuringNanos(), "nothing was measured");
        open[0] = true;
        TrainingLoop.Advance b = loop.advance(1000, FAR);
        assertEquals(250, b.steps());
        assertEquals(1250, b.frame().step());
        assertEquals(1, told.size(), "the gate hears of the frame");
        // the measurement read the clock twice (before and after): one tick of 1 us
        assertEquals(1000, told.get(0)[1]);
        assertEquals(1000, loop.measuringNanos());
    }

    @Test
    void theSliceEndsByTheGivenClockReadEvery16Steps() {
        Counter clock = new Counter();
        TrainingLoop loop = new TrainingLoop(Trainer.fromConfig(TrainingConfig.defaults()), 250, clock::read);
        loop.setFrameGate(() -> false);
        // readings every 16 steps give 0, 1,000, ... ns: the 6th (5,000 ns) is past 4,500 ns, so 6 x 16 steps
        TrainingLoop.Advance a = loop.advance(1_000_000, 4_500);
        assertEquals(96, a.steps());
    }
}
