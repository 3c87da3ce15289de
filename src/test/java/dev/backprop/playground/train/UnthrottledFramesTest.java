package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unthrottled, frames follow the clock; a pause still shows where training stopped. The engine runs on the
 * test's thread with a clock that moves 100 us at every reading: no sleeping, the same steps every run.
 */
class UnthrottledFramesTest {
    @Test
    void pauseAfterUnthrottledPlayMeasuresWhereTrainingStopped() throws InterruptedException {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), new ManualClock(100_000L));
        engine.apply(new Command.SetSpeed(TrainingSession.UNTHROTTLED));
        engine.apply(new Command.Play());
        while (engine.steps() < 20_000) {
            engine.trainSlice();
        }
        List<Metrics> playing = engine.snapshot().history();
        assertTrue(playing.size() < 20_000 / 250, "frames followed the clock, not every 250 steps: " + playing.size());
        engine.apply(new Command.Pause());
        Snapshot snap = engine.snapshot();
        List<Metrics> rows = snap.history();
        Metrics last = rows.get(rows.size() - 1);
        assertTrue(snap.step() >= 20_000, "trained: " + snap.step());
        assertEquals(snap.step(), last.step(), "the last row is of the step where training stopped");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).step() > rows.get(i - 1).step(), "rows in step order");
        }
        assertNotNull(snap.grid(), "a boundary is shown");
    }
}
