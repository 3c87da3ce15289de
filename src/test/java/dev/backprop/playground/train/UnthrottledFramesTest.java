package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unthrottled, frames follow the clock; a pause still shows where training stopped. */
class UnthrottledFramesTest {
    @Test
    void pauseAfterUnthrottledPlayMeasuresWhereTrainingStopped() throws InterruptedException {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.SetSpeed(TrainingSession.UNTHROTTLED));
            s.send(new Command.Play());
            long end = System.nanoTime() + 20_000_000_000L;
            while (s.latest().step() < 20_000 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            s.send(new Command.Pause());
            while ((s.latest().running() || s.latest().history().get(s.latest().history().size() - 1).step()
                    < s.latest().step() - s.latest().step() % 250) && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            Snapshot snap = s.latest();
            List<Metrics> rows = snap.history();
            Metrics last = rows.get(rows.size() - 1);
            assertTrue(snap.step() >= 20_000, "trained: " + snap.step());
            assertTrue(last.step() > snap.step() - 250, "the last row " + last.step() + " is where training stopped, "
                    + snap.step());
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i).step() > rows.get(i - 1).step(), "rows in step order");
            }
            assertNotNull(snap.grid(), "a boundary is shown");
        }
    }
}
